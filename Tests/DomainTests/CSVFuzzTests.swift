import Testing
@testable import Domain

@Suite("CSV reader fuzzing")
struct CSVFuzzTests {
    /// A small deterministic generator, so a failure can be replayed.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test("random mutations of the corpus never crash the reader or the validator")
    func mutations() throws {
        var random = SplitMix64(state: 20261203)
        let seeds = try Corpus.names.map(Corpus.bytes).filter { !$0.isEmpty }
        let interesting: [UInt8] = [0x22, 0x2C, 0x3B, 0x09, 0x0A, 0x0D, 0x00, 0xEF, 0xBB, 0xBF, 0xFF, 0xFE, 0x80, 0xC3]
        var outcomes = (read: 0, refused: 0)
        for iteration in 0..<4000 {
            var bytes = seeds[iteration % seeds.count]
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                let position = Int.random(in: 0..<max(1, bytes.count), using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0 where !bytes.isEmpty: bytes[position] = interesting.randomElement(using: &random)!
                case 1: bytes.insert(UInt8.random(in: 0...255, using: &random), at: min(position, bytes.count))
                case 2 where !bytes.isEmpty: bytes.remove(at: position)
                default: bytes.insert(contentsOf: bytes.prefix(16), at: min(position, bytes.count))
                }
            }
            do {
                let table = try CSVReader.read(bytes)
                _ = try? ApplicantRowValidator.validate(table)
                outcomes.read += 1
            } catch is CSVError {
                outcomes.refused += 1
            }
        }
        // Both paths must have been exercised for the fuzzing to mean anything.
        #expect(outcomes.read > 100 && outcomes.refused > 100)
    }
}
