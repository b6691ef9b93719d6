package common

import (
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

func TestLine(t *testing.T) {
	for in, want := range map[string]string{
		"plain":                       "plain",
		"two\nlines":                  "two lines",
		"\x1b]0;title\x07Evil\x1b[2J": "Evil",
		"a\u202eb":                    "ab",
	} {
		if got := Line(in); got != want {
			t.Errorf("Line(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFit(t *testing.T) {
	got := Fit("a long line here\nshort\nthird\nfourth", 6, 3)
	want := "a long\nshort\nthird"
	if got != want {
		t.Fatalf("Fit = %q, want %q", got, want)
	}
	got = Fit("\x1b[1mbold text\x1b[0m", 4, 2)
	if lines := strings.Split(got, "\n"); len(lines) != 2 || ansi.StringWidth(lines[0]) != 4 {
		t.Fatalf("Fit styled = %q", got)
	}
}

func TestSpreadAndTruncate(t *testing.T) {
	tests := []struct {
		left, right string
		width       int
		want        string
	}{
		{"left", "9", 10, "left     9"},
		{"a long left part", "right", 12, "a lon… right"},
		{"left", "much too long", 5, "much…"},
	}
	for _, tt := range tests {
		if got := Spread(tt.left, tt.right, tt.width); got != tt.want || ansi.StringWidth(got) > tt.width {
			t.Errorf("Spread(%q, %q, %d) = %q, want %q", tt.left, tt.right, tt.width, got, tt.want)
		}
	}
	if got := Truncate("héllo wörld", 6); got != "héllo…" {
		t.Errorf("Truncate = %q", got)
	}
}

func TestListNav(t *testing.T) {
	var l ListNav
	l.Move(5, 20, 4)
	if l.Cursor != 5 || l.Offset != 2 {
		t.Fatalf("after +5: %+v", l)
	}
	l.Move(100, 20, 4)
	if l.Cursor != 19 || l.Offset != 16 {
		t.Fatalf("after +100: %+v", l)
	}
	l.Shift(-10, 10, 4) // ten rows dropped above
	if l.Cursor != 9 || l.Offset != 6 {
		t.Fatalf("after shift: %+v", l)
	}
	l.Move(-100, 10, 4)
	if l.Cursor != 0 || l.Offset != 0 {
		t.Fatalf("after -100: %+v", l)
	}
	l.Clamp(0, 4)
	if l.Cursor != 0 || l.Offset != 0 {
		t.Fatalf("empty: %+v", l)
	}
}

func TestGlamourStyle(t *testing.T) {
	for _, tt := range []struct {
		c    Common
		want string
	}{
		{Common{Dark: true}, "dark"},
		{Common{}, "light"},
		{Common{Dark: true, NoColor: true}, "notty"},
	} {
		if got := tt.c.GlamourStyle(); got != tt.want {
			t.Errorf("GlamourStyle(%+v) = %q, want %q", tt.c, got, tt.want)
		}
	}
}

func TestPluralAndAgo(t *testing.T) {
	for n, want := range map[int]string{0: "0 articles", 1: "1 article", 2: "2 articles", 12345: "12,345 articles", 1234567: "1,234,567 articles"} {
		if got := Plural(n, "article"); got != want {
			t.Errorf("Plural(%d) = %q, want %q", n, got, want)
		}
	}
	smallest := map[int]string{32: "-2,147,483,648", 64: "-9,223,372,036,854,775,808"}[strconv.IntSize]
	for n, want := range map[int]string{-1234: "-1,234", -999: "-999", math.MinInt: smallest} {
		if got := Thousands(n); got != want {
			t.Errorf("Thousands(%d) = %q, want %q", n, got, want)
		}
	}
	now := time.Date(2026, 3, 20, 12, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		t    time.Time
		want string
	}{
		{time.Time{}, "never"},
		{now.Add(-20 * time.Second), "just now"},
		{now.Add(-5 * time.Minute), "5 min ago"},
		{now.Add(-3 * time.Hour), "3 h ago"},
		{now.Add(-26 * time.Hour), "1 day ago"},
		{now.Add(-72 * time.Hour), "3 days ago"},
		{now.Add(-30 * 24 * time.Hour), "18 Feb 2026"},
	} {
		if got := Ago(tt.t, now); got != tt.want {
			t.Errorf("Ago(%v) = %q, want %q", tt.t, got, tt.want)
		}
	}
}

func TestNavKeyMapStep(t *testing.T) {
	k := DefaultNavKeyMap(NavHelp{Up: "up", Down: "down", Top: "top", Bottom: "bottom"})
	for _, tc := range []struct {
		key   tea.KeyMsg
		delta int
		ok    bool
	}{
		{tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("j")}, 1, true},
		{tea.KeyMsg{Type: tea.KeyUp}, -1, true},
		{tea.KeyMsg{Type: tea.KeyCtrlD}, 5, true},
		{tea.KeyMsg{Type: tea.KeyCtrlU}, -5, true},
		{tea.KeyMsg{Type: tea.KeyPgDown}, 10, true},
		{tea.KeyMsg{Type: tea.KeyPgUp}, -10, true},
		{tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("g")}, 0, false},
		{tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")}, 0, false},
	} {
		if d, ok := k.Step(tc.key, 10); d != tc.delta || ok != tc.ok {
			t.Errorf("Step(%q) = %d, %v; want %d, %v", tc.key.String(), d, ok, tc.delta, tc.ok)
		}
	}
	if d, _ := k.Step(tea.KeyMsg{Type: tea.KeyCtrlD}, 1); d != 1 {
		t.Errorf("half a page of one row moves %d, want 1", d)
	}
}

func TestRowMark(t *testing.T) {
	plain, chosen := lipgloss.NewStyle(), lipgloss.NewStyle().Bold(true)
	for _, tt := range []struct {
		selected, focused bool
		mark              string
		bold              bool
	}{
		{true, true, "> ", true},
		{true, false, "· ", false},
		{false, true, "  ", false},
		{false, false, "  ", false},
	} {
		mark, style := RowMark(tt.selected, tt.focused, plain, chosen)
		if mark != tt.mark || style.GetBold() != tt.bold {
			t.Errorf("RowMark(selected %v, focused %v) = %q, bold %v; want %q, bold %v",
				tt.selected, tt.focused, mark, style.GetBold(), tt.mark, tt.bold)
		}
	}
}

func TestClickedRow(t *testing.T) {
	press := func(y int) tea.MouseMsg {
		return tea.MouseMsg{Y: y, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress}
	}
	// rows of two lines from line 1, three of them shown: lines 1-6
	for y, want := range map[int]int{0: -1, 1: 0, 2: 0, 3: 1, 6: 2, 7: -1} {
		row, ok := ClickedRow(press(y), 1, 2, 3)
		if got := map[bool]int{true: row, false: -1}[ok]; got != want {
			t.Errorf("press on line %d: row %d, %v; want %d", y, row, ok, want)
		}
	}
	release := press(3)
	release.Action = tea.MouseActionRelease
	if _, ok := ClickedRow(release, 1, 2, 3); ok {
		t.Error("a release picked a row")
	}
	wheel := press(3)
	wheel.Button = tea.MouseButtonWheelDown
	if _, ok := ClickedRow(wheel, 1, 2, 3); ok {
		t.Error("the wheel picked a row")
	}
}

func TestKeyName(t *testing.T) {
	for _, c := range []struct {
		b    key.Binding
		want string
	}{
		{key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/home", "top")), "g"},
		{key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")), "/"},
		{key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")), "esc"},
		{key.NewBinding(key.WithKeys("x")), "x"},
		{key.NewBinding(), "?"},
	} {
		if got := Key(c.b); got != c.want {
			t.Errorf("Key(%v) = %q, want %q", c.b.Keys(), got, c.want)
		}
	}
}
