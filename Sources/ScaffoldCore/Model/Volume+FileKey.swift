import BlueprintDescription

extension Volume {
    /// A `.file` mount's key in its service's `<service>-files` ConfigMap: the file's name.
    var fileKey: String {
        String(source.split(separator: "/").last ?? "")
    }
}
