package common

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"byline/data/termtext"
)

// Line makes article text safe for one terminal line: control sequences
// removed (termtext.Clean) and line breaks folded into spaces.
func Line(s string) string {
	s = termtext.Clean(s)
	if strings.ContainsAny(s, "\n") {
		s = strings.Join(strings.Fields(s), " ")
	}
	return s
}

// Truncate cuts s (which may hold styling) to width cells, ending in "…"
// when cut.
func Truncate(s string, width int) string {
	if width <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= width {
		return s
	}
	return ansi.Truncate(s, width, "…")
}

// Fit makes s exactly height lines, each at most width cells: longer lines
// are cut, missing lines added. A pane's view passes through it so that a
// resize never wraps a line into its border.
func Fit(s string, width, height int) string {
	if height <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > height {
		lines = lines[:height]
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > width {
			lines[i] = ansi.Truncate(l, width, "")
		}
	}
	for len(lines) < height {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// Date formats a publication date for lists; the zero time is "".
func Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2 Jan 2006")
}

// JoinNonEmpty joins the non-empty parts with sep.
func JoinNonEmpty(sep string, parts ...string) string {
	kept := parts[:0:0]
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}

// Spread puts left and right on one line of width cells, right-aligned,
// cutting left when they do not fit.
func Spread(left, right string, width int) string {
	rw := ansi.StringWidth(right)
	if rw >= width {
		return Truncate(right, width)
	}
	left = Truncate(left, width-rw-1)
	gap := width - rw - ansi.StringWidth(left)
	return left + strings.Repeat(" ", gap) + right
}

// Plural is "1 article", "2 articles", "12,345 articles": n with thousands
// separators and the noun, with an s unless n is one.
func Plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return Thousands(n) + " " + noun + "s"
}

// Thousands formats n with thousands separators: 12345 is "12,345".
func Thousands(n int) string {
	s := strconv.Itoa(n)
	sign := ""
	if n < 0 {
		sign, s = "-", s[1:]
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return sign + s
}

// Ago says how long before now t was, shortly: "just now", "5 min ago",
// "3 h ago", "2 days ago", else the date. The zero time is "never".
func Ago(t, now time.Time) string {
	if t.IsZero() {
		return "never"
	}
	d := now.Sub(t)
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return fmt.Sprintf("%d min ago", int(d/time.Minute))
	case d < 24*time.Hour:
		return fmt.Sprintf("%d h ago", int(d/time.Hour))
	case d < 14*24*time.Hour:
		return Plural(int(d/(24*time.Hour)), "day") + " ago"
	}
	return Date(t)
}

// RowMark is the mark before a row of a list and the style of its text:
// "> " and chosen for the cursor's row in the focused pane, "· " and plain
// for the cursor's row in a pane without focus, "  " and plain elsewhere.
func RowMark(selected, focused bool, plain, chosen lipgloss.Style) (string, lipgloss.Style) {
	switch {
	case selected && focused:
		return "> ", chosen
	case selected:
		return "· ", plain
	}
	return "  ", plain
}
