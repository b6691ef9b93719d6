package ui

import (
	"strings"
	"testing"

	"byline/data"
	"byline/ui/common"
)

func TestHeaderMeta(t *testing.T) {
	c := data.Counts{Articles: 2226, Unread: 2226, Starred: 0, Quotes: 15263}
	full := "2,226 articles · 2,226 unread · 0 starred · 15,263 quotes"
	for _, tc := range []struct {
		width int
		want  string
	}{
		{200, full},
		{len([]rune(full)), full},
		{len([]rune(full)) - 1, "2,226 articles · 2,226 unread · 15,263 quotes"},
		{40, "2,226 articles · 15,263 quotes"},
		{20, "2,226 articles"},
		{10, ""},
	} {
		if got := headerMeta(c, tc.width); got != tc.want {
			t.Errorf("in %d: %q, want %q", tc.width, got, tc.want)
		}
	}
}

// TestHeaderKeepsTheName: on a narrow screen the header keeps "byline" and
// shortens the totals (review: "b…" at 60x20 beside all of them).
func TestHeaderKeepsTheName(t *testing.T) {
	counts := data.Counts{Articles: 2226, Unread: 2226, Quotes: 15263}
	for _, c := range []struct {
		w    int
		want string
	}{
		{120, "byline" + strings.Repeat(" ", 57) + "2,226 articles · 2,226 unread · 0 starred · 15,263 quotes"},
		{60, "byline" + strings.Repeat(" ", 9) + "2,226 articles · 2,226 unread · 15,263 quotes"},
		{40, "byline" + strings.Repeat(" ", 4) + "2,226 articles · 15,263 quotes"},
	} {
		d := newDriver(t, newStore(t, fixtureArticles(t)), c.w, 20)
		d.send(common.CountsMsg{Counts: counts})
		if header, _, _ := strings.Cut(d.view(), "\n"); header != c.want {
			t.Errorf("%d wide: header %q, want %q", c.w, header, c.want)
		}
	}
}
