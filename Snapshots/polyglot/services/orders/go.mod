// orders: the starter module scaffold wrote because this folder had no sources yet. It is yours.
module orders

go 1.23
