import Domain
import Foundation
import Testing

@Suite("Hand-written JSON for extra attributes")
struct JSONTextTests {
    static let awkward = [
        ExtraAttribute(name: "Timestamp", value: "2026/08/24 10:45:29"),
        ExtraAttribute(name: "Quote \"and\" back\\slash", value: "line\nbreak\r\ttab"),
        ExtraAttribute(name: "control \u{01}\u{1F}\u{7F}", value: "separators \u{2028}\u{2029}"),
        ExtraAttribute(name: "Ünïcödé 名前", value: "emoji 👩🏽‍🏫 and é (e + \u{301})"),
        ExtraAttribute(name: "", value: ""),
    ]

    @Test("what attributes(_:) writes, parseAttributes reads back exactly, agreeing with JSONDecoder")
    func roundTrip() throws {
        for count in 0...Self.awkward.count {
            let attributes = Array(Self.awkward.prefix(count))
            let text = JSONText.attributes(attributes)
            #expect(!text.contains("\n"), "one line, for the log")
            #expect(JSONText.parseAttributes(text) == attributes)
            #expect(try JSONDecoder().decode([ExtraAttribute].self, from: Data(text.utf8)) == attributes)
        }
    }

    @Test("anything in another shape is left to the general decoder")
    func foreignShapes() {
        for text in ["", "[", "[{}]", "{\"name\":\"a\",\"value\":\"b\"}", "[{\"value\":\"b\",\"name\":\"a\"}]",
                     "[ {\"name\":\"a\",\"value\":\"b\"} ]", "[{\"name\":\"a\",\"value\":1}]", "[{\"name\":\"a\",\"value\":\"b\"}]x",
                     "[{\"name\":\"a\",\"value\":\"\\ud83d\\ude00\"}]", "[{\"name\":\"a\",\"value\":\"open]"] {
            #expect(JSONText.parseAttributes(text) == nil, "\(text)")
        }
    }
}
