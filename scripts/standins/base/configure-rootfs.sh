#!/bin/sh
# Turns a fresh `debootstrap --variant=minbase` tree into a container base like Debian's own
# images: apt sources with updates and security, small installs, no services started by
# postinst scripts, and the host's CA bundle trusted (the network may intercept TLS).
# Usage: SUITE=trixie MIRROR=... SECURITY_MIRROR=... HOST_CA=/path/bundle.crt configure-rootfs.sh ROOT
set -eu
root="$1"

# Main, updates and security, as Debian's container images have them.
cat > "$root/etc/apt/sources.list" <<EOF
deb $MIRROR $SUITE main
deb $MIRROR $SUITE-updates main
deb $SECURITY_MIRROR $SUITE-security main
EOF

# Installs stay small: no recommends or suggests, no translations, no downloaded .debs left behind.
cat > "$root/etc/apt/apt.conf.d/90scaffold-standin" <<'EOF'
APT::Install-Recommends "false";
APT::Install-Suggests "false";
Acquire::Languages "none";
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
EOF

# Documentation and man pages are dead weight in an image (copyright notices stay).
mkdir -p "$root/etc/dpkg/dpkg.cfg.d"
cat > "$root/etc/dpkg/dpkg.cfg.d/90scaffold-standin" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
EOF

# A package's postinst must not start its service inside an image build.
printf '#!/bin/sh\n# No services are started while an image is built.\nexit 101\n' > "$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"

# Trust the host's CA bundle now, and keep trusting it when a later install of the
# ca-certificates package regenerates the bundle (it appends /usr/local/share/ca-certificates/*.crt).
mkdir -p "$root/etc/ssl/certs" "$root/usr/local/share/ca-certificates"
cp "$HOST_CA" "$root/etc/ssl/certs/ca-certificates.crt"
cp "$HOST_CA" "$root/usr/local/share/ca-certificates/scaffold-host-bundle.crt"
chmod 644 "$root/etc/ssl/certs/ca-certificates.crt" "$root/usr/local/share/ca-certificates/scaffold-host-bundle.crt"

# The same goes for what debootstrap already installed.
find "$root/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
find "$root/usr/share/doc" -mindepth 1 -type d -empty -delete
rm -rf "$root"/usr/share/man/* "$root"/usr/share/info/*
find "$root/usr/share/locale" -mindepth 1 -maxdepth 1 -not -name locale.alias -exec rm -rf {} +

# What debootstrap downloaded is not needed any more.
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/var/log/*.log \
       "$root"/var/cache/debconf/*-old "$root"/var/lib/dpkg/*-old
# The engine provides these at run time.
: > "$root/etc/resolv.conf"
printf 'localhost\n' > "$root/etc/hostname"
