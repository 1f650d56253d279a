/// Merges compose files the way `docker compose -f a.yml -f b.yml` does: mappings merge key by
/// key and later scalars win; `environment`, `labels`, `extra_hosts`, `sysctls`, `annotations`
/// and `depends_on` merge by name whatever form (list or map) each file uses; `ports`, `expose`,
/// `dns` and other lists append without duplicates; `volumes` merge by container path; `command`,
/// `entrypoint` and `healthcheck.test` are replaced; `!reset` removes a value and `!override`
/// replaces one.
enum ComposeMerge {
    /// `overlay` merged onto `base`, two whole compose documents.
    static func merge(_ base: YAML, _ overlay: YAML) -> YAML {
        var result = base.pairs ?? []
        for pair in overlay.pairs ?? [] {
            switch pair.key {
            case "services":
                var services = result.value(for: "services")?.pairs ?? []
                for service in pair.value.pairs ?? [] {
                    let normalized = normalizeService(service.value)
                    if service.value.tag == "!reset" {
                        services.remove("\(service.key)")
                    } else if let existing = services.value(for: service.key), service.value.tag != "!override" {
                        services.set(service.key, mergeService(existing, normalized))
                    } else {
                        services.set(service.key, normalized)
                    }
                }
                result.set("services", .map(services))
            default:
                if pair.value.tag == "!reset" {
                    result.remove(pair.key)
                } else if let existing = result.value(for: pair.key), pair.value.tag != "!override" {
                    result.set(pair.key, deepMerge(existing, pair.value.untagged))
                } else {
                    result.set(pair.key, pair.value.untagged)
                }
            }
        }
        return .map(result)
    }

    /// A document with every service normalized, as the first file of a merge is.
    static func normalize(_ document: YAML) -> YAML {
        guard var pairs = document.pairs else { return document }
        if let services = document["services"]?.pairs {
            pairs.set("services", .map(services.map { YAMLPair($0.key, normalizeService($0.value)) }))
        }
        return .map(pairs)
    }

    /// Keys whose list and map forms both mean "name → value".
    static let keyedLists: Set<String> = ["environment", "labels", "extra_hosts", "sysctls", "annotations"]
    /// Keys whose lists are replaced, not appended to.
    static let replacedLists: Set<String> = ["command", "entrypoint"]

    /// One service in the forms merging needs: `build: .` as `{context: .}`, `env_file: x` as a
    /// list, `KEY=VALUE` lists as maps, `depends_on` lists as maps.
    static func normalizeService(_ service: YAML) -> YAML {
        guard let pairs = service.untagged.pairs else { return service.untagged.isNull ? .map([]) : service.untagged }
        return .map(pairs.map { pair in
            let value = pair.value
            switch pair.key {
            case let key where keyedLists.contains(key):
                return YAMLPair(key, retag(value, keyed(value.untagged, separator: key == "extra_hosts" ? ":" : "=")))
            case "depends_on":
                guard let items = value.untagged.list else { return pair }
                return YAMLPair("depends_on", retag(value, .map(items.compactMap { item in
                    item.string.map { YAMLPair($0, .map([YAMLPair("condition", .string("service_started"))])) }
                })))
            case "build":
                guard let context = value.untagged.string else { return pair }
                return YAMLPair("build", retag(value, .map([YAMLPair("context", .string(context))])))
            case "env_file":
                guard value.untagged.string != nil else { return pair }
                return YAMLPair("env_file", retag(value, .list([value.untagged])))
            default:
                return pair
            }
        })
    }

    /// `["A=1", "B"]` as `{A: "1", B: null}`; a map stays a map with its values as text.
    static func keyed(_ value: YAML, separator: Character) -> YAML {
        if let items = value.list {
            return .map(items.compactMap { item in
                guard let text = item.string else { return nil }
                guard let split = text.firstIndex(of: separator) else { return YAMLPair(text, .null) }
                return YAMLPair(String(text[..<split]), .string(String(text[text.index(after: split)...])))
            })
        }
        return value
    }

    private static func retag(_ original: YAML, _ value: YAML) -> YAML {
        if let tag = original.tag { return .tagged(tag, value) }
        return value
    }

    /// Two normalized service definitions merged.
    static func mergeService(_ base: YAML, _ overlay: YAML) -> YAML {
        var result = base.pairs ?? []
        for pair in overlay.pairs ?? [] {
            let value = pair.value
            if value.tag == "!reset" {
                result.remove(pair.key)
                continue
            }
            guard let existing = result.value(for: pair.key), value.tag != "!override" else {
                result.set(pair.key, value.untagged)
                continue
            }
            let plain = value.untagged
            switch pair.key {
            case let key where replacedLists.contains(key):
                result.set(key, plain)
            case "healthcheck":
                var merged = deepMerge(existing, plain)
                if let test = plain["test"], var pairs = merged.pairs {
                    pairs.set("test", test.untagged)
                    merged = .map(pairs)
                }
                result.set("healthcheck", merged)
            case "volumes":
                result.set("volumes", .list(mergedByTarget(existing.list ?? [], plain.list ?? [])))
            default:
                result.set(pair.key, deepMerge(existing, plain))
            }
        }
        return .map(result)
    }

    /// Maps merge key by key; lists append what they don't have; anything else is replaced.
    static func deepMerge(_ base: YAML, _ overlay: YAML) -> YAML {
        switch (base.untagged, overlay.untagged) {
        case let (.map(basePairs), .map(overlayPairs)):
            var result = basePairs
            for pair in overlayPairs {
                if pair.value.tag == "!reset" {
                    result.remove(pair.key)
                } else if let existing = result.value(for: pair.key), pair.value.tag != "!override" {
                    result.set(pair.key, deepMerge(existing, pair.value.untagged))
                } else {
                    result.set(pair.key, pair.value.untagged)
                }
            }
            return .map(result)
        case let (.list(baseItems), .list(overlayItems)):
            return .list(baseItems + overlayItems.filter { !baseItems.contains($0) })
        default:
            return overlay.untagged
        }
    }

    /// Volume lists merged by container path: an overlay's mount replaces the base's at the same path.
    static func mergedByTarget(_ base: [YAML], _ overlay: [YAML]) -> [YAML] {
        var result = base
        for item in overlay {
            let target = VolumeMount.target(of: item)
            if let target, let index = result.firstIndex(where: { VolumeMount.target(of: $0) == target }) {
                result[index] = item
            } else if !result.contains(item) {
                result.append(item)
            }
        }
        return result
    }
}

extension Array where Element == YAMLPair {
    /// The value under `key`.
    func value(for key: String) -> YAML? { first { $0.key == key }?.value }

    /// Sets `key` in place, or appends it.
    mutating func set(_ key: String, _ value: YAML) {
        if let index = firstIndex(where: { $0.key == key }) { self[index].value = value } else { append(YAMLPair(key, value)) }
    }

    /// Removes `key`.
    mutating func remove(_ key: String) { removeAll { $0.key == key } }
}
