/// `scaffold import` could not draft a blueprint; nothing was written.
enum ImportError: Error, CustomStringConvertible {
    case unreadable(String)
    case notText(String)
    case yaml(file: String, YAMLError)
    case notCompose(String, String)
    case noComposeFiles(String)
    case noServices([String])
    case exists(String)
    case invalidName(String)

    var description: String {
        switch self {
        case let .unreadable(file):
            return "cannot read \(file): check the path given with -f"
        case let .notText(file):
            return "\(file) is not UTF-8 text: save it as UTF-8 and run `scaffold import` again"
        case let .yaml(file, error):
            return "\(file):\(error.line): \(error.message)"
        case let .notCompose(file, problem):
            return "\(file) is not a compose file: \(problem); pass the compose files with -f"
        case let .noComposeFiles(folder):
            return "\(folder) has no compose.yaml, compose.yml, docker-compose.yml or docker-compose.yaml: name the files with `-f FILE` (repeat -f for each overlay)"
        case let .noServices(files):
            return "\(files.joined(separator: ", ")) declare no services: a blueprint needs at least one; check the files"
        case let .exists(path):
            return "\(path) already exists: review or move it, or run `scaffold import --force` to replace it with a new draft"
        case let .invalidName(name):
            return "'\(name)' is not a valid project name: use lowercase letters, digits and '-' (pass --name)"
        }
    }
}
