import Testing
@testable import TUI

@Suite("Screen buffer")
struct ScreenBufferTests {
    @Test("display widths: ASCII one, CJK and emoji two, combining marks none", arguments: [
        ("abc", 3), ("日本語", 6), ("é", 1), ("e\u{301}", 1), ("😀", 2), ("👩‍💻", 2), ("🇫🇷", 2), ("", 0), ("a\u{200B}b", 2), ("ｶ", 1), ("Ａ", 2),
    ])
    func widths(text: String, cells: Int) {
        #expect(DisplayWidth.of(text) == cells)
    }

    @Test("text is cut by display width with an ellipsis, never splitting a wide character")
    func fitting() {
        #expect(DisplayWidth.fit("Lovelace", 5) == "Love…")
        #expect(DisplayWidth.fit("日本語テキスト", 5) == "日本…")
        #expect(DisplayWidth.fit("日本語", 6) == "日本語")
        #expect(DisplayWidth.pad("ab", 4) == "ab  " && DisplayWidth.pad("日本語", 4) == "日… ")
        #expect(DisplayWidth.fit("anything", 0) == "")
    }

    @Test("writing clips to the screen and keeps wide characters whole")
    func writing() {
        var terminal = VirtualTerminal(width: 10, height: 3)
        terminal.draw { buffer in
            buffer.write("Hello, 世界!", x: 0, y: 0)
            buffer.write("日本語日本語", x: 1, y: 1, limit: 4)
            buffer.write("off screen", x: 0, y: 5)
            buffer.write("Ada", x: 8, y: 2)
        }
        #expect(terminal.mismatch("""
            Hello, 世
             日本
                    Ad
            """) == nil)
        #expect(terminal.buffer[7, 0].character == "世" && terminal.buffer[8, 0].character == nil && terminal.buffer[9, 0].character == " ")
    }

    @Test("overwriting half of a wide character blanks the other half")
    func overwrite() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        buffer.write("日本", x: 0, y: 0)
        buffer.write("x", x: 1, y: 0)
        #expect(buffer.lines == [" x本"])
    }

    @Test("only changed cells are redrawn, as runs per row")
    func changes() {
        var before = ScreenBuffer(width: 8, height: 2)
        before.write("abcdefgh", x: 0, y: 0)
        var after = before
        after.write("XY", x: 2, y: 0)
        after.write("z", x: 7, y: 1, style: .selected)
        #expect(after.changes(since: before).map { [$0.x, $0.y, $0.count] } == [[2, 0, 2], [7, 1, 1]])
        #expect(after.changes(since: nil).count == 2)
        #expect(after.changes(since: after).isEmpty)
    }

    @Test("a snapshot mismatch reads as a line diff")
    func diff() {
        var terminal = VirtualTerminal(width: 12, height: 2)
        terminal.draw { $0.write("Semesters", x: 0, y: 0) }
        #expect(terminal.mismatch("Semester\n") == "screen differs (- expected, + shown):\n  1 - Semester\n  1 + Semesters")
    }
}

@Suite("ASCII fallback for terminals without UTF-8")
struct ASCIIFallbackTests {
    @Test("one cell for one cell: separators, arrows and quotes, accented letters to their base, the rest a question mark")
    func characters() {
        let shown = String("Zoë · Łukasz → Ærø “ok” ↑ 名 ✓ …".map(ASCIIFallback.character))
        #expect(shown == "Zoe . Lukasz > ?ro \"ok\" ^ ? + .")
        #expect(Glyphs.localeIsUTF8(["LANG": "C.UTF-8"]) && Glyphs.localeIsUTF8(["LC_ALL": "en_US.utf8", "LANG": "C"]))
        #expect(!Glyphs.localeIsUTF8(["LANG": "C"]) && !Glyphs.localeIsUTF8(["LC_ALL": "POSIX", "LANG": "C.UTF-8"]))
    }
}
