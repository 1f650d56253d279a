import Foundation

/// A mutable cell that an encoding container writes into; turned into a ``TemplateValue`` once
/// the whole value has been encoded. Nested containers share cells by reference, which is what
/// lets `nestedContainer(...)` and `superEncoder()` keep writing after they have been handed out.
final class EncodingBox {
    /// What has been written so far.
    enum Storage {
        case empty
        case value(TemplateValue)
        case object([String: EncodingBox])
        case array([EncodingBox])
    }

    var storage: Storage = .empty

    init() {}

    init(_ value: TemplateValue) {
        storage = .value(value)
    }

    /// The finished value; a cell nobody wrote to (a type that encodes nothing) becomes an empty
    /// object, as with `JSONEncoder`.
    var value: TemplateValue {
        switch storage {
        case .empty: return .object([:])
        case .value(let value): return value
        case .object(let members): return .object(members.mapValues(\.value))
        case .array(let elements): return .array(elements.map(\.value))
        }
    }

    /// Makes this cell an object (if it is not one already) and returns the cell stored at `key`,
    /// creating it when needed.
    func member(_ key: String) -> EncodingBox {
        if case .object(var members) = storage {
            if let box = members[key] { return box }
            // Take the dictionary out of `storage` first, so inserting doesn't copy it.
            storage = .empty
            let box = EncodingBox()
            members[key] = box
            storage = .object(members)
            return box
        }
        let box = EncodingBox()
        storage = .object([key: box])
        return box
    }

    /// Stores `box` at `key`, making this cell an object if it is not one already.
    func setMember(_ key: String, _ box: EncodingBox) {
        guard case .object(var members) = storage else {
            storage = .object([key: box])
            return
        }
        storage = .empty
        members[key] = box
        storage = .object(members)
    }

    /// Makes this cell an object if nothing has been written yet.
    func becomeObject() {
        if case .object = storage { return }
        storage = .object([:])
    }

    /// Makes this cell an array if nothing has been written yet.
    func becomeArray() {
        if case .array = storage { return }
        storage = .array([])
    }

    /// Appends `box`, making this cell an array if it is not one already.
    func append(_ box: EncodingBox) {
        guard case .array(var elements) = storage else {
            storage = .array([box])
            return
        }
        // Take the array out of `storage` first: with a second reference left there, every append
        // would copy the whole array (quadratic in its length).
        storage = .empty
        elements.append(box)
        storage = .array(elements)
    }

    /// The number of elements written, for an array cell.
    var count: Int {
        if case .array(let elements) = storage { return elements.count }
        return 0
    }
}
