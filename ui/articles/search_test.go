package articles

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"byline/ui/common"
)

// A search with more hits than one query reads says so ("100+ hits") and
// reads the next as the cursor nears the last, each hit once; the count is
// exact once the last is read.
func TestSearchPagesInMoreHits(t *testing.T) {
	for _, c := range []struct {
		n     int
		pages []string // the count after the search, then after each G
	}{
		{100, []string{"100 hits"}},
		{101, []string{"100+ hits", "101 hits"}},
		{250, []string{"100+ hits", "200+ hits", "250 hits"}},
	} {
		r := lipgloss.NewRenderer(nil)
		m := New(common.Common{Store: storeOf(t, c.n), Renderer: r}, DefaultKeyMap(), DefaultStyles(r))
		m.SetSize(60, 20)
		settle(m, m.Init())
		settle(m, m.search("article", true))
		for i, want := range c.pages {
			if i > 0 {
				_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("G")})
				settle(m, cmd)
			}
			if v := m.View(); !strings.Contains(v, "“article”: "+want) {
				t.Fatalf("%d articles, page %d: want %q in\n%s", c.n, i, want, v)
			}
		}
		seen := map[int64]bool{}
		for _, h := range m.hits {
			if seen[h.ID] {
				t.Fatalf("%d articles: hit %d listed twice", c.n, h.ID)
			}
			seen[h.ID] = true
		}
		if len(seen) != c.n {
			t.Fatalf("%d articles: %d hits read", c.n, len(seen))
		}
	}
}

// Moving down the hits while the search input is open loads the next ones
// as scrolling the list does.
func TestHitKeysWhileTypingLoadMore(t *testing.T) {
	r := lipgloss.NewRenderer(nil)
	m := New(common.Common{Store: storeOf(t, 250), Renderer: r}, DefaultKeyMap(), DefaultStyles(r))
	m.SetSize(60, 20)
	settle(m, m.Init())
	settle(m, m.search("article", true))
	_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/")})
	settle(m, cmd)
	if !m.typing {
		t.Fatal("/ did not open the search input")
	}
	for range 120 {
		_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyDown})
		settle(m, cmd)
	}
	if len(m.hits) <= SearchLimit {
		t.Errorf("%d hits after moving to the end while typing, want more than %d", len(m.hits), SearchLimit)
	}
}
