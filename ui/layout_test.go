package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

var screenSizes = []struct{ w, h int }{{60, 20}, {80, 24}, {120, 40}, {160, 45}, {200, 60}}

func TestLayoutBoxes(t *testing.T) {
	tests := []struct {
		w, h        int
		focus, list paneID
		helpLines   int
		wide        bool
		shown       []paneID
		want        map[paneID]rect
		helpH       int
	}{
		{60, 20, articlesPane, articlesPane, 0, false, []paneID{articlesPane},
			map[paneID]rect{articlesPane: {0, 1, 60, 17}}, 1},
		{60, 20, articlePane, articlesPane, 6, false, []paneID{articlePane},
			map[paneID]rect{articlePane: {0, 1, 60, 12}}, 6},
		{80, 24, quotesPane, quotesPane, 0, false, []paneID{quotesPane},
			map[paneID]rect{quotesPane: {0, 1, 80, 21}}, 1},
		{120, 40, articlesPane, articlesPane, 0, true, []paneID{articlesPane, articlePane},
			map[paneID]rect{articlesPane: {0, 1, 48, 37}, articlePane: {48, 1, 72, 37}}, 1},
		{120, 40, articlePane, quotesPane, 6, true, []paneID{quotesPane, articlePane},
			map[paneID]rect{quotesPane: {0, 1, 48, 32}, articlePane: {48, 1, 72, 32}}, 6},
		{160, 45, articlePane, articlesPane, 0, true, []paneID{articlesPane, articlePane},
			map[paneID]rect{articlesPane: {0, 1, 64, 42}, articlePane: {64, 1, 96, 42}}, 1},
		// 200 columns: the article stops at its widest line (106), the list takes the rest
		{200, 60, quotesPane, quotesPane, 0, true, []paneID{quotesPane, articlePane},
			map[paneID]rect{quotesPane: {0, 1, 94, 57}, articlePane: {94, 1, 106, 57}}, 1},
		// The feeds view takes the list's place.
		{60, 20, feedsPane, feedsPane, 0, false, []paneID{feedsPane},
			map[paneID]rect{feedsPane: {0, 1, 60, 17}}, 1},
		{120, 40, feedsPane, articlesPane, 0, true, []paneID{articlePane, feedsPane},
			map[paneID]rect{feedsPane: {0, 1, 48, 37}, articlePane: {48, 1, 72, 37}}, 1},
		{160, 45, articlePane, feedsPane, 6, true, []paneID{articlePane, feedsPane},
			map[paneID]rect{feedsPane: {0, 1, 64, 37}, articlePane: {64, 1, 96, 37}}, 6},
		{200, 60, articlesPane, feedsPane, 0, true, []paneID{articlesPane, articlePane},
			map[paneID]rect{articlesPane: {0, 1, 94, 57}, articlePane: {94, 1, 106, 57}}, 1},
		// a full help longer than the screen holds leaves a pane of one row
		{60, 20, articlesPane, articlesPane, 30, false, []paneID{articlesPane},
			map[paneID]rect{articlesPane: {0, 1, 60, 3}}, 15},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%dx%d/focus%d/list%d/help%d", tt.w, tt.h, tt.focus, tt.list, tt.helpLines), func(t *testing.T) {
			b := layout(tt.w, tt.h, tt.focus, tt.list, tt.helpLines)
			if b.wide != tt.wide {
				t.Errorf("wide = %v, want %v", b.wide, tt.wide)
			}
			var shown []paneID
			for p := range paneCount {
				if b.visible[p] {
					shown = append(shown, p)
				}
			}
			if fmt.Sprint(shown) != fmt.Sprint(sortedIDs(tt.shown)) {
				t.Errorf("shown = %v, want %v", shown, tt.shown)
			}
			for p, r := range tt.want {
				if b.panes[p] != r {
					t.Errorf("pane %d = %+v, want %+v", p, b.panes[p], r)
				}
			}
			if b.help.H != tt.helpH {
				t.Errorf("help height = %d, want %d", b.help.H, tt.helpH)
			}
		})
	}
}

func sortedIDs(ids []paneID) []paneID {
	out := append([]paneID(nil), ids...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

// Every combination fills the screen exactly: rows stack to the height,
// shown panes tile the width without overlap.
func TestLayoutFillsScreen(t *testing.T) {
	for _, s := range screenSizes {
		for focus := range paneCount {
			for _, list := range []paneID{articlesPane, quotesPane, feedsPane} {
				for _, help := range []int{0, 6, 40} {
					b := layout(s.w, s.h, focus, list, help)
					name := fmt.Sprintf("%dx%d focus=%d list=%d help=%v", s.w, s.h, focus, list, help)
					paneH := b.panes[focus].H
					if got := b.header.H + paneH + b.status.H + b.help.H; got != s.h {
						t.Errorf("%s: rows add to %d, want %d", name, got, s.h)
					}
					if !b.visible[focus] {
						t.Errorf("%s: focused pane hidden", name)
					}
					width := 0
					for p := range paneCount {
						if !b.visible[p] {
							continue
						}
						r := b.panes[p]
						width += r.W
						if r.X < 0 || r.X+r.W > s.w || r.Y != b.header.H || r.H != paneH {
							t.Errorf("%s: pane %d box %+v outside its row", name, p, r)
						}
						// 8 rows at least, unless a long full help takes
						// them (it leaves one row in the borders)
						minH := 8
						if help > 0 {
							minH = min(8, max(3, s.h-2-help))
						}
						if r.W < minListWidth || r.H < minH {
							t.Errorf("%s: pane %d box %+v too small", name, p, r)
						}
					}
					if width != s.w {
						t.Errorf("%s: panes are %d wide, want %d", name, width, s.w)
					}
				}
			}
		}
	}
}

// Resizing through every size, in every pane, never wraps a line or cuts
// a border: the view is exactly the screen and every pane row ends in a
// border.
func TestResizeKeepsBorders(t *testing.T) {
	d := newDriver(t, newStore(t, fixtureArticles(t)), 160, 45)
	d.keys("enter")
	for _, pane := range []string{"1", "2", "3", "4"} {
		d.keys(pane)
		for _, help := range []bool{false, true} {
			if d.root().helpShown != help {
				d.keys("?")
			}
			for _, s := range append(screenSizes, screenSizes[0], screenSizes[3]) {
				d.send(tea.WindowSizeMsg{Width: s.w, Height: s.h})
				checkFrame(t, d.view(), s.w, s.h, d.root().boxes)
			}
		}
	}
}

func checkFrame(t *testing.T, view string, w, h int, b boxes) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Fatalf("%dx%d: view has %d lines:\n%s", w, h, len(lines), view)
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Fatalf("%dx%d: line %d is %d wide:\n%s", w, h, i, lw, view)
		}
	}
	top := b.header.H
	bottom := top + b.panes[articlePane].H - 1
	for i := top; i <= bottom; i++ {
		l := []rune(ansi.Strip(lines[i]))
		if len(l) != w {
			t.Fatalf("%dx%d: pane line %d is %d wide, want %d:\n%s", w, h, i, len(l), w, view)
		}
		if !strings.ContainsRune("┃│╭╮╰╯┏┓┗┛", l[len(l)-1]) || !strings.ContainsRune("┃│╭╮╰╯┏┓┗┛", l[0]) {
			t.Fatalf("%dx%d: pane line %d has no border at its ends: %q", w, h, i, string(l))
		}
	}
}
