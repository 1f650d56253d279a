import Foundation
import Mustache

/// Renders one template text through a ``TemplateSet`` (strict mode, the way scaffold renders).
func render(_ text: String, _ context: TemplateValue = [:], format: EscapeFormat, strict: Bool = true,
            partials: [String: String] = [:]) throws -> String {
    var sources = [TemplateSource(name: "main", path: "Templates/main.mustache", text: text)]
    for (name, partial) in partials.sorted(by: { $0.key < $1.key }) {
        sources.append(TemplateSource(name: name, path: "Templates/\(name).mustache", text: partial))
    }
    return try TemplateSet(builtIn: sources).render("main", context: context, format: format, strict: strict)
}

/// The ``TemplateError`` thrown by `body`, or `nil`.
func templateError(_ body: () throws -> Any) -> TemplateError? {
    do {
        _ = try body()
        return nil
    } catch let error as TemplateError {
        return error
    } catch {
        return nil
    }
}
