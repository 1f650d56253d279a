import Foundation
import Mustache
import Testing

/// `TemplateValue(encoding:)`.
@Suite("Encoding contexts")
struct EncoderTests {
    enum Tier: String, Encodable { case web, worker }

    struct Port: Encodable {
        var number: Int
        var expose: Bool
    }

    struct Service: Encodable {
        var name: String
        var replicas: Int
        var enabled: Bool
        var ratio: Double
        var image: String?
        var registry: String?
        var tags: [String]
        var aliases: [String?]
        var labels: [String: String]
        var ports: [Port]
        var tier: Tier
        var extra: TemplateValue
        var small: UInt8
        var ratioF: Float
    }

    @Test("booleans stay booleans, numbers stay numbers, nil optionals are left out")
    func service() throws {
        let service = Service(name: "api", replicas: 1, enabled: true, ratio: 0.5, image: nil, registry: "ghcr.io",
                              tags: ["a"], aliases: ["x", nil], labels: ["app": "api"],
                              ports: [Port(number: 8080, expose: false)], tier: .worker, extra: ["k": [1, "2"]], small: 7, ratioF: 0.1)
        let value = try TemplateValue(encoding: service)
        #expect(value == [
            "name": "api", "replicas": 1, "enabled": true, "ratio": 0.5, "registry": "ghcr.io",
            "tags": ["a"], "aliases": ["x", nil], "labels": ["app": "api"],
            "ports": [["number": 8080, "expose": false]], "tier": "worker", "extra": ["k": [1, "2"]], "small": 7, "ratioF": 0.1,
        ])
        #expect(value["image"] == nil)
        #expect(value["enabled"] == .bool(true))
        #expect(value["replicas"] == .int(1))
    }

    @Test("nil optionals are missing in strict mode and absent for inverted sections")
    func strictOptional() throws {
        struct Context: Encodable { var image: String? }
        let context = try TemplateValue(encoding: Context(image: nil))
        #expect(try render("{{^image}}no image{{/image}}", context, format: .none) == "no image")
        #expect(templateError { try render("{{image}}", context, format: .none) }?.kind == .missingValue("image"))
    }

    @Test("foundation types become strings or numbers")
    func foundation() throws {
        struct Context: Encodable {
            var when: Date
            var url: URL
            var data: Data
            var price: Decimal
        }
        let value = try TemplateValue(encoding: Context(when: Date(timeIntervalSince1970: 0), url: try #require(URL(string: "https://example.com/x")),
                                                        data: Data([1, 2, 3]), price: try #require(Decimal(string: "1.5"))))
        #expect(value == ["when": "1970-01-01T00:00:00Z", "url": "https://example.com/x", "data": "AQID", "price": 1.5])
    }

    @Test("top-level scalars, arrays and dictionaries")
    func topLevel() throws {
        #expect(try TemplateValue(encoding: true) == .bool(true))
        #expect(try TemplateValue(encoding: [1, 2]) == [1, 2])
        #expect(try TemplateValue(encoding: ["b": false]) == ["b": false])
        #expect(try TemplateValue(encoding: Optional<Int>.none) == .null)
        #expect(try TemplateValue(encoding: [3: "x"]) == ["3": "x"])
    }

    @Test("integers that do not fit in Int are an error")
    func overflow() {
        #expect(throws: EncodingError.self) { try TemplateValue(encoding: UInt64.max) }
    }

    @Test("JSON decoding keeps booleans and numbers apart")
    func decoding() throws {
        let value = try JSONDecoder().decode(TemplateValue.self, from: Data(#"{"a": true, "b": 1, "c": 1.5, "d": null, "e": ["x"]}"#.utf8))
        #expect(value == ["a": true, "b": 1, "c": 1.5, "d": nil, "e": ["x"]])
    }
}
