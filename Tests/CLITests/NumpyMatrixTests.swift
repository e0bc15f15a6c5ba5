import Foundation
import Testing
@testable import MatchConsole

@Suite(".npy score matrices")
struct NumpyMatrixTests {
    @Test("what is written reads back exactly, with the header padded as NumPy requires")
    func roundTrip() throws {
        let matrix = NumpyMatrix(rows: 2, columns: 3, values: [0.1, 0.2, -.infinity, 1, 0, 0.5])
        let bytes = matrix.encoded()
        #expect(Array(bytes[0..<8]) == NumpyMatrix.magic + [1, 0])
        let dataStart = 10 + Int(bytes[8]) | Int(bytes[9]) << 8
        #expect(dataStart % 64 == 0 && bytes.count == dataStart + 6 * 8)
        #expect(try NumpyMatrix.read(bytes) == matrix)
    }

    @Test("float32 and Fortran order as NumPy writes them")
    func variants() throws {
        var header = "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }"
        header += String(repeating: " ", count: (64 - (10 + header.utf8.count + 1) % 64) % 64) + "\n"
        var bytes = NumpyMatrix.magic + [1, 0, UInt8(header.utf8.count), 0] + Array(header.utf8)
        for value: Float in [1, 2, 3, 4] { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 } }
        // Column-major [1, 2 | 3, 4] is the matrix [[1, 3], [2, 4]].
        #expect(try NumpyMatrix.read(bytes).values == [1, 3, 2, 4])
    }

    @Test("refuses what it cannot read, saying why")
    func refusals() {
        #expect(throws: NumpyMatrix.FormatError.self) { try NumpyMatrix.read(Array("not numpy at all".utf8)) }
        var bytes = NumpyMatrix(rows: 2, columns: 2, values: [1, 2, 3, 4]).encoded()
        bytes.removeLast()
        #expect(throws: NumpyMatrix.FormatError.self) { try NumpyMatrix.read(bytes) }
    }
}
