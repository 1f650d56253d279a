/// All templates of a ``TemplateSet`` (or a ``Template`` and its partials), parsed, with their
/// fixed references resolved and, when `checked`, validated.
///
/// Name resolution: a name refers to the user's override of that name when there is one,
/// otherwise to the built-in template; except that inside an override, its *own* name refers to
/// the built-in template it replaces, so an override can extend the original with
/// `{{<name}}…{{/name}}` (or wrap it with `{{>name}}`).
final class TemplateLibrary: Sendable {
    /// Every template, built-ins first, then overrides.
    let templates: [CompiledTemplate]
    private let builtInIndex: [String: Int]
    private let effectiveIndex: [String: Int]

    /// The names that can be rendered, sorted.
    var names: [String] { effectiveIndex.keys.sorted() }

    /// The template `name` refers to from outside any template (overrides first).
    func template(named name: String) -> CompiledTemplate? {
        effectiveIndex[name].map { templates[$0] }
    }

    /// Parses and resolves all templates.
    ///
    /// With `checked`, also reports references to unknown templates, partials that include
    /// themselves with no section around the recursion, and parent calls that override blocks
    /// their parent does not define. Without it (the Mustache specification's behaviour), an
    /// unknown partial renders as nothing.
    init(builtIn: [TemplateSource], overrides: [TemplateSource], checked: Bool) throws {
        var sources: [TemplateSource] = []
        var parsed: [Parser.Result] = []
        var isOverride: [Bool] = []
        var builtInIndex: [String: Int] = [:]
        var overrideIndex: [String: Int] = [:]
        for (group, overriding) in [(builtIn, false), (overrides, true)] {
            for source in group {
                let result = try Parser.parse(source.text, path: source.path)
                let index = sources.count
                if let existing = overriding ? overrideIndex[source.name] : builtInIndex[source.name] {
                    throw TemplateError(kind: .duplicateTemplate(source.name),
                                        message: "two templates are named '\(source.name)': \(sources[existing].path) and \(source.path); rename or remove one")
                }
                if overriding { overrideIndex[source.name] = index } else { builtInIndex[source.name] = index }
                sources.append(source)
                parsed.append(result)
                isOverride.append(overriding)
            }
        }
        let effectiveIndex = builtInIndex.merging(overrideIndex) { _, override in override }

        var templates: [CompiledTemplate] = []
        templates.reserveCapacity(sources.count)
        for index in sources.indices {
            let source = sources[index]
            let references = parsed[index].referencedNames.map {
                Self.resolve($0, from: source.name, isOverride: isOverride[index], builtIn: builtInIndex, effective: effectiveIndex)
            }
            let template = CompiledTemplate(name: source.name, path: source.path, bytes: Array(source.text.utf8),
                                            isOverride: isOverride[index], nodes: parsed[index].nodes, references: references)
            if checked, let slot = references.firstIndex(where: { $0 == nil }) {
                let name = parsed[index].referencedNames[slot]
                throw template.error(.unknownTemplate(name), "no template named '\(name)'\(Self.suggestion(for: name, among: Array(effectiveIndex.keys)))",
                                     at: parsed[index].referenceLocations[slot])
            }
            templates.append(template)
        }
        self.templates = templates
        self.builtInIndex = builtInIndex
        self.effectiveIndex = effectiveIndex

        if checked {
            try checkRecursion(parsed)
            try checkBlockOverrides(parsed)
        }
    }

    /// Resolves `name` as referenced from `template`; `nil` when there is no such template.
    func resolve(_ name: String, from template: CompiledTemplate) -> Int? {
        Self.resolve(name, from: template.name, isOverride: template.isOverride, builtIn: builtInIndex, effective: effectiveIndex)
    }

    private static func resolve(_ name: String, from referrer: String, isOverride: Bool,
                                builtIn: [String: Int], effective: [String: Int]) -> Int? {
        if isOverride && name == referrer, let original = builtIn[name] { return original }
        return effective[name]
    }

    /// Parses template text produced at render time (a lambda's result, or a stand-alone
    /// template), resolving its references as if written in `referrer`.
    func compile(_ text: String, path: String, delimiters: Delimiters = .standard,
                 as referrer: (name: String, isOverride: Bool)) throws -> CompiledTemplate {
        let result = try Parser.parse(text, path: path, delimiters: delimiters)
        let references = result.referencedNames.map {
            Self.resolve($0, from: referrer.name, isOverride: referrer.isOverride, builtIn: builtInIndex, effective: effectiveIndex)
        }
        return CompiledTemplate(name: referrer.name, path: path, bytes: Array(text.utf8), isOverride: referrer.isOverride,
                                nodes: result.nodes, references: references)
    }

    // MARK: - Checks

    /// Reports a partial or parent reference that, outside any section or block, leads back to
    /// the template it is in: rendering it could never finish. Recursion inside a section (a
    /// tree rendered by `{{#children}}{{>node}}{{/children}}`) is fine and left to the
    /// renderer's depth limit.
    private func checkRecursion(_ parsed: [Parser.Result]) throws {
        var state = [UInt8](repeating: 0, count: templates.count)  // 0 new, 1 on path, 2 done
        var path: [Int] = []

        func visit(_ index: Int) throws {
            state[index] = 1
            path.append(index)
            for (slot, location) in parsed[index].unconditionalReferences.sorted(by: { $0.key < $1.key }) {
                guard let next = templates[index].references[slot] else { continue }
                if state[next] == 1 {
                    let cycle = path[path.firstIndex(of: next)!...].map { templates[$0].name } + [templates[next].name]
                    throw templates[index].error(.recursion,
                        "'\(templates[next].name)' includes itself with no section around the recursion (\(cycle.joined(separator: " → "))), so rendering would never end; put the recursive tag inside a section, e.g. {{#children}}…{{/children}}",
                        at: location)
                }
                if state[next] == 0 { try visit(next) }
            }
            path.removeLast()
            state[index] = 2
        }

        for index in templates.indices where state[index] == 0 {
            try visit(index)
        }
    }

    /// Reports a parent call that overrides a block its parent does not define (directly, or
    /// through the partials and parents it includes). Parents that include templates by dynamic
    /// name are not checked, since their blocks are only known when rendering.
    private func checkBlockOverrides(_ parsed: [Parser.Result]) throws {
        var cache: [Int: Set<String>?] = [:]
        func blocks(reachableFrom start: Int) -> Set<String>? {
            if let cached = cache[start] { return cached }
            var seen: Set<Int> = [start]
            var queue = [start]
            var names: Set<String> = []
            var known = true
            while let index = queue.popLast() {
                names.formUnion(parsed[index].blockNames)
                if parsed[index].hasDynamicReferences { known = false }
                for case let next? in templates[index].references where seen.insert(next).inserted {
                    queue.append(next)
                }
            }
            let answer: Set<String>? = known ? names : nil
            cache[start] = .some(answer)
            return answer
        }

        for index in templates.indices {
            for call in parsed[index].parentCalls {
                guard let target = templates[index].references[call.slot], let defined = blocks(reachableFrom: target) else { continue }
                for argument in call.arguments where !defined.contains(argument.name) {
                    let parentName = templates[target].name
                    let available = defined.isEmpty
                        ? "'\(parentName)' defines no blocks"
                        : "it defines: \(defined.sorted().joined(separator: ", "))"
                    throw templates[index].error(.unknownBlock(argument.name),
                        "block '\(argument.name)' is not defined by '\(parentName)', so overriding it has no effect (\(available))\(Self.suggestion(for: argument.name, among: Array(defined), otherwise: "; rename or remove this block"))",
                        at: argument.location)
                }
            }
        }
    }

    // MARK: - Suggestions

    /// `; did you mean 'x'?` for the closest of `candidates` when one is close enough, otherwise
    /// advice to check the name.
    static func suggestion(for name: String, among candidates: [String],
                           otherwise advice: String = "; check the name, or add a template with that name") -> String {
        let limit = max(2, name.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(name, candidate)
            if distance <= limit && (best == nil || distance < best!.distance || (distance == best!.distance && candidate < best!.name)) {
                best = (candidate, distance)
            }
        }
        return best.map { "; did you mean '\($0.name)'?" } ?? advice
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
