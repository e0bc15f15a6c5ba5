#ifndef MATCH_CONSOLE_CNCURSES_SHIM_H
#define MATCH_CONSOLE_CNCURSES_SHIM_H

// The wide-character API (get_wch, mvadd_wchnstr, cchar_t) is only declared with these set.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>

// Swift 6 rejects the global mutable variables stdscr, LINES and COLS, and cannot import
// function-like macros; these getters make them reachable.
static inline WINDOW *cncurses_stdscr(void) { return stdscr; }
static inline int cncurses_lines(void) { return LINES; }
static inline int cncurses_cols(void) { return COLS; }
static inline int cncurses_colors(void) { return COLORS; }
static inline int cncurses_getmaxy(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)x; return y; }
static inline int cncurses_getmaxx(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)y; return x; }

static inline attr_t cncurses_a_normal(void) { return A_NORMAL; }
static inline attr_t cncurses_a_bold(void) { return A_BOLD; }
static inline attr_t cncurses_a_reverse(void) { return A_REVERSE; }
static inline attr_t cncurses_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cncurses_a_dim(void) { return A_DIM; }
static inline attr_t cncurses_color_pair(int n) { return COLOR_PAIR(n); }

static inline int cncurses_key_resize(void) { return KEY_RESIZE; }
static inline int cncurses_key_mouse(void) { return KEY_MOUSE; }
static inline int cncurses_err(void) { return ERR; }

// Mouse: clicks of the first button and the wheel (buttons 4 and 5), whose masks are macros.
static inline void cncurses_enable_mouse(void) {
    mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
    mouseinterval(0);
}
// Reads the pending mouse event: 0 for a click, 1 wheel up, 2 wheel down, -1 for anything else.
static inline int cncurses_read_mouse(int *x, int *y) {
    MEVENT event;
    if (getmouse(&event) != OK) return -1;
    *x = event.x;
    *y = event.y;
    if (event.bstate & BUTTON4_PRESSED) return 1;
    if (event.bstate & BUTTON5_PRESSED) return 2;
    if (event.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)) return 0;
    return -1;
}

#endif
