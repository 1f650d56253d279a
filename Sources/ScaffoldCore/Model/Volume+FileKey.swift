import BlueprintDescription

extension Volume {
    /// A `.file` mount's key in its service's `<service>-files` ConfigMap: the file's name.
    var fileKey: String {
        String(source.split(separator: "/").last ?? "")
    }

    /// A `.file` mount's folder in the container: where Cloud Run mounts the secret volume
    /// holding it.
    var fileFolder: String {
        let parts = target.split(separator: "/").dropLast()
        return "/" + parts.joined(separator: "/")
    }

    /// A `.file` mount's file name in the container (the last part of its target).
    var targetName: String {
        String(target.split(separator: "/").last ?? "")
    }

    /// A `.file` mount's name on Cloud Run: its project path in lowercase letters, digits and
    /// `-`, which names its Secret Manager secret (`<project>-<environment>-file-<name>`) and
    /// its secret volume.
    var cloudFileName: String {
        let mapped = source.lowercased().map { ($0.isASCII && ($0.isLetter || $0.isNumber)) ? $0 : "-" }
        return String(mapped).split(separator: "-").joined(separator: "-")
    }
}
