/// Storage mounted into a service.
public struct Volume: Codable, Hashable, Sendable {
    /// The kind of storage.
    public enum Kind: String, Codable, Sendable {
        /// A named volume that survives container restarts (a PVC in Kubernetes).
        case named
        /// A project folder mounted into the container; development only, for source and hot reload.
        case bind
        /// In-memory scratch space (tmpfs / emptyDir).
        case scratch
        /// A file of the project mounted read-only in every environment (a ConfigMap in Kubernetes).
        case file
    }

    /// The kind of storage.
    public var kind: Kind
    /// The volume name, or the project-relative folder of a bind mount.
    public var source: String
    /// The absolute path inside the container.
    public var target: String
    /// True when several services share it (`.shared`).
    public var isShared: Bool { shared == true }
    /// Environments that mount it; `nil` means every environment (bind mounts default to development).
    public var environments: [String]?
    /// What a named volume becomes where a serverless cloud runs the service; `nil` is `.refuse`.
    public var serverless: Serverless?
    /// The size a named volume claims in Kubernetes (`"20Gi"`); `nil` is 10Gi.
    public var size: Memory?
    /// True for a volume several services mount and share: one ReadWriteMany claim in
    /// Kubernetes instead of one claim per service; `nil` is false.
    public var shared: Bool?

    /// What a named volume becomes on ECS Fargate, Cloud Run and Container Apps, which give
    /// containers no persistent disk.
    public enum Serverless: String, Codable, Sendable {
        /// A validation error names the line: data is never lost without the blueprint saying so.
        case refuse
        /// The path stays writable, as scratch space emptied whenever an instance stops; the deploy
        /// guide says so. Keep what must survive elsewhere (a managed database, object storage).
        case scratch
        /// File storage the cloud manages, kept across restarts and shared by every instance that
        /// mounts it: an encrypted EFS file system on ECS Fargate, a private Cloud Storage bucket
        /// mounted with Cloud Storage FUSE on Cloud Run (no file locking: the last write of a file
        /// wins), an Azure Files share (SMB) on Container Apps. The deploy guide notes what each
        /// can't do that a local disk can.
        case fileSystem
    }

    /// A named, persistent volume mounted at `path`: a compose volume, a PersistentVolumeClaim in
    /// Kubernetes. On a serverless cloud it is an error unless `serverless: .scratch` accepts that
    /// the folder is emptied whenever an instance stops there, or `serverless: .fileSystem` keeps it
    /// on the cloud's file storage (EFS, Cloud Storage, Azure Files).
    /// `size` is its PersistentVolumeClaim's request in Kubernetes (default 10Gi).
    public static func named(_ name: String, at path: String, size: Memory? = nil, environments: [Environment]? = nil, serverless: Serverless = .refuse) -> Volume {
        Volume(kind: .named, source: name, target: path, environments: environments?.map(\.name), serverless: serverless == .refuse ? nil : serverless, size: size, shared: nil)
    }

    /// A named volume that several services mount at once and share files through (uploads a web
    /// app writes and a worker reads): one compose volume, and in Kubernetes one
    /// PersistentVolumeClaim with access mode ReadWriteMany that every service using it mounts
    /// (the cluster needs a storage class offering it: EFS, Filestore, Azure Files, NFS).
    /// Declare it the same way in each service. On the clouds it is their shared file storage,
    /// as `serverless: .fileSystem` describes: one EFS file system on ECS Fargate, one Cloud
    /// Storage bucket on Cloud Run, one Azure Files share on Container Apps, which every service
    /// declaring it mounts.
    public static func shared(_ name: String, at path: String, size: Memory? = nil, environments: [Environment]? = nil) -> Volume {
        Volume(kind: .named, source: name, target: path, environments: environments?.map(\.name), serverless: nil, size: size, shared: true)
    }

    /// The project file `file` (a configuration file, an init script) mounted read-only at `path`
    /// in every environment: a read-only bind mount in compose, a ConfigMap key mounted with
    /// `subPath` in Kubernetes (the chart and the manifests carry a copy, which `scaffold regen`
    /// refreshes when the file changes). A file that doesn't exist yet is written empty, once, for
    /// you to fill. On Cloud Run it is a Secret Manager secret holding the file, mounted over the
    /// file's folder (one file per folder there); ECS Fargate and Container Apps mount no files,
    /// so an environment they deploy refuses it.
    public static func file(_ file: String, at path: String) -> Volume {
        Volume(kind: .file, source: file, target: path, environments: nil, serverless: nil, size: nil, shared: nil)
    }

    /// A project folder mounted at `path` in development-mode environments, for hot reload.
    public static func bind(_ folder: String, at path: String) -> Volume {
        Volume(kind: .bind, source: folder, target: path, environments: nil, serverless: nil, size: nil, shared: nil)
    }

    /// In-memory scratch space at `path`.
    public static func scratch(at path: String) -> Volume {
        Volume(kind: .scratch, source: "", target: path, environments: nil, serverless: nil, size: nil, shared: nil)
    }
}

/// Public HTTP(S) exposure of a service: an Ingress, a load balancer listener, a public URL.
public struct Ingress: Codable, Hashable, Sendable {
    /// The DNS host name, for example `api.example.com`; per environment it becomes
    /// `<environment>.<host>` unless `hosts` names it.
    public var host: String
    /// The path prefix routed to the service.
    public var path: String
    /// Explicit host names per environment.
    public var hosts: [String: String]

    /// Public on `host` (and `path`), for example `.host("api.example.com")`.
    public static func host(_ host: String, path: String = "/", per hosts: [Environment: String] = [:]) -> Ingress {
        Ingress(host: host, path: path, hosts: hosts.byName)
    }
}
