import CNCurses
import Testing
@testable import TUI

@Suite("ncurses system library")
struct TerminalLibraryTests {
    @Test("macro shims reach the real attribute values")
    func attributeShims() {
        // Distinct, non-zero attribute bits prove the shim header compiled against ncursesw.
        let attributes = [cncurses_a_bold(), cncurses_a_reverse(), cncurses_a_underline(), cncurses_a_dim()]
        #expect(Set(attributes).count == 4)
        #expect(attributes.allSatisfy { $0 != cncurses_a_normal() })
        #expect(cncurses_color_pair(1) != cncurses_color_pair(2))
        #expect(cncurses_key_resize() != cncurses_err())
    }

    @Test("the console's minimum size is the classic 80×24")
    func minimumSize() {
        #expect(TUI.minimumColumns == 80 && TUI.minimumRows == 24)
    }
}
