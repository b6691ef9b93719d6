package articles

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"byline/data"
)

// TestSnippetShowsTheMatch: a snippet longer than its line is cut around
// its first match, from a word's start, the match marked (review: it was
// cut from its start, the match often off the right edge).
func TestSnippetShowsTheMatch(t *testing.T) {
	mark := func(s string) string {
		return strings.NewReplacer("[", data.MatchStart, "]", data.MatchEnd).Replace(s)
	}
	feltman := "…Mr Feltman said on Friday that international envoy Lakhdar [Brahimi] would meet the opposition…"
	for _, c := range []struct {
		snippet string
		width   int
		want    string
	}{
		// fits: all of it
		{"The [talks] went on", 40, "The [talks] went on"},
		{feltman, 200, feltman},
		// the match far in: words before it, from a word's start
		{feltman, 40, "…[Brahimi] would meet the opposition…"},
		{feltman, 60, "…envoy Lakhdar [Brahimi] would meet the opposition…"},
		{feltman + " and more words after it, as many as the line holds", 60, "…envoy Lakhdar [Brahimi] would meet the opposition… and mor…"},
		// near the end: the line is filled from before it
		{"A long run of words before the very last word, [Brahimi].", 30, "…very last word, [Brahimi]."},
		// near the start: cut at the end only
		{"[Brahimi] said the talks would go on for some days yet.", 30, "[Brahimi] said the talks woul…"},
		// no match marked: from the start
		{"Nothing marked in this snippet at all, none.", 20, "Nothing marked in t…"},
		// a match wider than the line
		{"Before [a very long phrase that matched] after", 20, "…[a very long phras…"},
		// wide characters count two cells
		{"東京の会議で外務大臣が述べた [Brahimi] 氏", 20, "…述べた [Brahimi] 氏"},
	} {
		got := snippetLine(mark(c.snippet), c.width, plainStyles())
		if got != c.want {
			t.Errorf("%q in %d:\n got %q\nwant %q", c.snippet, c.width, got, c.want)
		}
		if w := ansi.StringWidth(got); w > c.width {
			t.Errorf("%q in %d: %d cells", c.snippet, c.width, w)
		}
	}
}

// TestSnippetMatchStyled: with colours the match has the Match style, the
// rest the Snippet style, and no marks; without (NO_COLOR) it is plain but
// for the marks.
func TestSnippetMatchStyled(t *testing.T) {
	r := lipgloss.NewRenderer(nil)
	r.SetColorProfile(termenv.ANSI256)
	st := DefaultStyles(r)
	got := snippetLine("talks on "+data.MatchStart+"Brahimi"+data.MatchEnd+" today", 40, st)
	if want := st.Snippet.Render("talks on ") + st.Match.Render("Brahimi") + st.Snippet.Render(" today"); got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	if !strings.Contains(got, "\x1b[") {
		t.Fatalf("no styling with colours: %q", got)
	}
	if got := snippetLine("on "+data.MatchStart+"Brahimi"+data.MatchEnd, 40, plainStyles()); got != "on [Brahimi]" {
		t.Fatalf("without colours got %q", got)
	}
}

func plainStyles() Styles {
	r := lipgloss.NewRenderer(nil)
	r.SetColorProfile(termenv.Ascii)
	return DefaultStyles(r)
}
