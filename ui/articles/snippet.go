package articles

import (
	"strings"
	"unicode"

	"github.com/charmbracelet/x/ansi"

	"byline/data"
	"byline/ui/common"
)

// snippetCell is one character of a search snippet, and whether it belongs
// to a match (the match marks, when shown, belong to it).
type snippetCell struct {
	r     rune
	w     int // cells on screen
	match bool
}

// snippetCells flattens a snippet from the store onto one line, its
// matches (between data.MatchStart and data.MatchEnd) flagged and
// surrounded by marks.
func snippetCells(snippet string, marks [2]string) []snippetCell {
	var cells []snippetCell
	add := func(s string, match bool) {
		for _, r := range s {
			cells = append(cells, snippetCell{r: r, w: ansi.StringWidth(string(r)), match: match})
		}
	}
	rest, match := common.Line(snippet), false
	for rest != "" {
		marker := data.MatchStart
		if match {
			marker = data.MatchEnd
		}
		part, after, found := strings.Cut(rest, marker)
		if match {
			add(marks[0]+part+marks[1], true)
		} else {
			add(part, false)
		}
		rest = after
		if found {
			match = !match
		}
	}
	return cells
}

// snippetWindow chooses the cells [start, end) of a snippet to show in
// width cells, "…" before them when start > 0 and after them when end <
// len(cells): all of it if it fits, else from its start if the first match
// shows so, else the match with some words before it (a quarter of the
// line, from a word's start) and as much after as fits. The store's snippet starts where it likes, often a line's width
// before the match: cut from its start, the match was off the edge.
func snippetWindow(cells []snippetCell, width int) (start, end int) {
	total := 0
	for _, c := range cells {
		total += c.w
	}
	if total <= width || width <= 2 {
		return 0, fitFrom(cells, 0, width)
	}
	first := 0
	for first < len(cells) && !cells[first].match {
		first++
	}
	if first == len(cells) {
		first = 0 // no match marked: the start
	}
	// Words before the match: up to a quarter of the line, less if the
	// match needs the room, more if the rest of the snippet is short.
	matchW, headW := 0, 0
	for i := first; i < len(cells) && cells[i].match; i++ {
		matchW += cells[i].w
	}
	for _, c := range cells[:first] {
		headW += c.w
	}
	if headW+matchW <= width-1 {
		return 0, fitFrom(cells, 0, width) // the match shows as it is
	}
	tailW := 0
	for _, c := range cells[first:] {
		tailW += c.w
	}
	room := width - 2 // the two ellipses
	before := max(0, min(room/4, room-matchW))
	if tailW <= width-1 {
		before = width - 1 - tailW // the rest fits: fill the line from before
	}
	start, used := first, 0
	for start > 0 && used+cells[start-1].w <= before {
		start--
		used += cells[start].w
	}
	// from a word's start: a cut word's remains are dropped
	for start > 0 && start < first && inWord(cells[start-1].r, cells[start].r) {
		start++
	}
	for start < first && unicode.IsSpace(cells[start].r) {
		start++
	}
	if start == 0 {
		return 0, fitFrom(cells, 0, width)
	}
	return start, fitFrom(cells, start, width-1)
}

// inWord reports whether a and b are letters of one word: not so in
// scripts written without spaces, where any character may start a line.
func inWord(a, b rune) bool {
	letter := func(r rune) bool {
		return (unicode.IsLetter(r) || unicode.IsDigit(r)) && !unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
	}
	return letter(a) && letter(b)
}

// fitFrom is where the cells from start end in width cells, keeping one
// for "…" when they do not all fit.
func fitFrom(cells []snippetCell, start, width int) int {
	used, end := 0, start
	for end < len(cells) && used+cells[end].w <= width {
		used += cells[end].w
		end++
	}
	if end == len(cells) {
		return end
	}
	for end > start && used+1 > width {
		end--
		used -= cells[end].w
	}
	return end
}

// renderSnippet shows a search snippet on one line of width cells, around
// its first match, with the matches highlighted.
func (m *Model) renderSnippet(snippet string, width int) string {
	return snippetLine(snippet, width, m.styles)
}

func snippetLine(snippet string, width int, st Styles) string {
	cells := snippetCells(snippet, st.MatchMarks)
	start, end := snippetWindow(cells, width)
	var b strings.Builder
	if start > 0 {
		b.WriteString(st.Snippet.Render("…"))
	}
	for i := start; i < end; {
		j := i
		var run strings.Builder
		for ; j < end && cells[j].match == cells[i].match; j++ {
			run.WriteRune(cells[j].r)
		}
		style := st.Snippet
		if cells[i].match {
			style = st.Match
		}
		b.WriteString(style.Render(run.String()))
		i = j
	}
	if end < len(cells) {
		b.WriteString(st.Snippet.Render("…"))
	}
	return b.String()
}
