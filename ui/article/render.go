package article

import (
	"regexp"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/cellbuf"

	"byline/data"
)

// cacheKey names one rendering: the same article at the same width in the
// same style renders the same.
type cacheKey struct {
	id    int64
	width int
	style string
}

// rendered is an article as Glamour drew it, split into lines, with the
// lines each quote covers.
type rendered struct {
	lines      []string
	quoteLines map[int64]lineSpan
}

// lineSpan is a range of rendered lines, both ends included.
type lineSpan struct{ first, last int }

// renderCache keeps the last few renderings, oldest dropped first. It lives
// in the model and is only touched in Update.
type renderCache struct {
	entries map[cacheKey]rendered
	order   []cacheKey
	max     int
}

func newRenderCache(max int) *renderCache {
	return &renderCache{entries: map[cacheKey]rendered{}, max: max}
}

func (c *renderCache) get(k cacheKey) (rendered, bool) {
	r, ok := c.entries[k]
	return r, ok
}

func (c *renderCache) put(k cacheKey, r rendered) {
	if _, ok := c.entries[k]; ok {
		c.entries[k] = r
		return
	}
	if len(c.order) >= c.max {
		delete(c.entries, c.order[0])
		c.order = c.order[1:]
	}
	c.entries[k] = r
	c.order = append(c.order, k)
}

// renderedMsg is a finished rendering, tagged with what was rendered and the
// request's sequence number, so that one arriving after the user moved on
// (another article, another width) is cached but not shown.
type renderedMsg struct {
	key    cacheKey
	seq    int
	result rendered
	err    error
}

// renderCmd renders an article with its own Glamour renderer for this width
// and style, off the Update loop.
func renderCmd(k cacheKey, seq int, a data.Article) tea.Cmd {
	return func() tea.Msg {
		res, err := render(a, k.width, k.style)
		return renderedMsg{key: k, seq: seq, result: res, err: err}
	}
}

func render(a data.Article, width int, style string) (rendered, error) {
	// Glamour wraps inline styles (a bold quote) once on their own and
	// again in the paragraph, leaving orphan words on short lines; so it
	// renders unwrapped and the lines are wrapped here, styles kept.
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle(style), glamour.WithWordWrap(0))
	if err != nil {
		return rendered{}, err
	}
	md, marked := markdown(a, width)
	out, err := r.Render(md)
	if err != nil {
		return rendered{}, err
	}
	return splitRendered(wrapLines(out, width), a, marked), nil
}

// wrapLines wraps each line of styled text to width cells, continuation
// lines indented like the line's first.
func wrapLines(s string, width int) string {
	lines := strings.Split(s, "\n")
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		if ansi.StringWidth(l) <= width {
			b.WriteString(l)
			continue
		}
		rest, indent := cutIndent(l)
		pad := strings.Repeat(" ", indent)
		limit := max(width-indent, 10)
		var wrapped string
		if sgr := sgrOnBackground(rest); sgr != "" {
			// cellbuf.Wrap does not break at a space with a background
			// (Glamour's title block) and cut the title's words anywhere:
			// one style over the line, so it is wrapped plain and styled
			// again line by line.
			plain := ansi.Hardwrap(ansi.Wordwrap(ansi.Strip(rest), limit, ""), limit, true)
			wrapped = sgr + strings.ReplaceAll(plain, "\n", "\x1b[0m\n"+sgr) + "\x1b[0m"
		} else {
			wrapped = cellbuf.Wrap(rest, limit, "")
		}
		for j, w := range strings.Split(wrapped, "\n") {
			if j > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(pad + w)
		}
	}
	return b.String()
}

// sgrOnBackground returns the line's first style sequence when it sets a
// background colour, else "".
func sgrOnBackground(l string) string {
	for i := 0; i+1 < len(l); i++ {
		if l[i] != 0x1b || l[i+1] != '[' {
			continue
		}
		j := i + 2
		for j < len(l) && (l[j] == ';' || l[j] >= '0' && l[j] <= '9') {
			j++
		}
		if j >= len(l) || l[j] != 'm' {
			continue
		}
		switch params := l[i+2 : j]; {
		case setsBackground(params):
			return l[i : j+1]
		case params != "" && params != "0":
			return "" // the line's first style has no background
		}
	}
	return ""
}

// setsBackground reports whether SGR parameters set a background colour:
// 40-47, 100-107, or 48 with a 256-colour or RGB value.
func setsBackground(params string) bool {
	ps := strings.Split(params, ";")
	for k := 0; k < len(ps); k++ {
		switch p := ps[k]; {
		case p == "38" && k+1 < len(ps) && ps[k+1] == "5":
			k += 2
		case p == "38" && k+1 < len(ps) && ps[k+1] == "2":
			k += 4
		case p == "48", len(p) == 2 && p[0] == '4' && p[1] >= '0' && p[1] <= '7',
			len(p) == 3 && p[:2] == "10" && p[2] >= '0' && p[2] <= '7':
			return true
		}
	}
	return false
}

// cutIndent removes the spaces a line starts with, keeping the escape
// sequences among them, and says how many there were.
func cutIndent(l string) (string, int) {
	var kept strings.Builder
	n := 0
	for i := 0; i < len(l); {
		switch {
		case l[i] == ' ':
			n++
			i++
		case l[i] == 0x1b:
			j := i + 1
			if j < len(l) && l[j] == '[' {
				j++
				for j < len(l) && (l[j] < 0x40 || l[j] > 0x7e) {
					j++
				}
				j++
			}
			j = min(j, len(l))
			kept.WriteString(l[i:j])
			i = j
		default:
			return kept.String() + l[i:], n
		}
	}
	return kept.String(), n
}

// Render draws an article as the pager shows it, for `byline show`: Glamour
// with this wrap width and standard style, quotes in bold with their
// speakers.
func Render(a data.Article, width int, style string) (string, error) {
	res, err := render(a, width, style)
	if err != nil {
		return "", err
	}
	return strings.Join(res.lines, "\n") + "\n", nil
}

// splitRendered splits Glamour's output into lines without its right
// padding, finds the quote marks (recording the lines of each quote), and
// removes them.
func splitRendered(out string, a data.Article, marked []int) rendered {
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	res := rendered{quoteLines: map[int64]lineSpan{}}
	starts, ends := 0, 0
	for i, l := range lines {
		for strings.Contains(l, quoteStartMark) && starts < len(marked) {
			res.quoteLines[a.Quotes[marked[starts]].ID] = lineSpan{first: i, last: i}
			l = strings.Replace(l, quoteStartMark, "", 1)
			starts++
		}
		for strings.Contains(l, quoteEndMark) && ends < len(marked) {
			id := a.Quotes[marked[ends]].ID
			span := res.quoteLines[id]
			span.last = i
			res.quoteLines[id] = span
			l = strings.Replace(l, quoteEndMark, "", 1)
			ends++
		}
		lines[i] = trimPadding(l)
	}
	res.lines = lines
	return res
}

var trailingPadding = regexp.MustCompile(`(?:\x1b\[[0-9;]*m| )+$`)

// trimPadding removes the spaces Glamour pads each line with (and the
// styling around them), resetting styles when the line had any.
func trimPadding(l string) string {
	trimmed := trailingPadding.ReplaceAllString(l, "")
	if strings.Contains(trimmed, "\x1b[") {
		trimmed += "\x1b[0m"
	}
	return trimmed
}
