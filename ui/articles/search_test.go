package articles

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"byline/data"
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

// Articles that match and arrive after the search rank in among its pages:
// paging goes on from the rows read, so it ends, and every hit of the
// search before them is reached (pages from the hits shown filled with
// hits already shown and asked again without end).
func TestSearchPagesPastArrivals(t *testing.T) {
	r := lipgloss.NewRenderer(nil)
	s := storeOf(t, 250)
	m := New(common.Common{Store: s, Renderer: r}, DefaultKeyMap(), DefaultStyles(r))
	m.SetSize(60, 20)
	settle(m, m.Init())
	settle(m, m.search("article", true))
	var more []data.Article
	for i := range 300 {
		more = append(more, data.Article{Key: fmt.Sprint("new", i), Title: fmt.Sprintf("Article article %04d", i), Body: "article article", Published: time.Unix(2e9, 0)})
	}
	if _, err := s.Insert(context.Background(), more); err != nil {
		t.Fatal(err)
	}
	// the commands of a G, run at most 100 messages deep
	var run func(cmd tea.Cmd, depth int)
	run = func(cmd tea.Cmd, depth int) {
		if cmd == nil || depth > 100 {
			return
		}
		switch msg := cmd().(type) {
		case nil:
		case tea.BatchMsg:
			for _, c := range msg {
				run(c, depth+1)
			}
		default:
			_, next := m.Update(msg)
			run(next, depth+1)
		}
	}
	for range 10 {
		_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("G")})
		run(cmd, 0)
	}
	if m.moreHits || m.hitsFetching {
		t.Fatalf("paging has not ended: %d hits, more %v, fetching %v", len(m.hits), m.moreHits, m.hitsFetching)
	}
	seen := map[int64]bool{}
	for _, h := range m.hits {
		if seen[h.ID] {
			t.Fatalf("hit %d listed twice", h.ID)
		}
		seen[h.ID] = true
	}
	for id := int64(1); id <= 250; id++ {
		if !seen[id] {
			t.Fatalf("article %d of the search before the arrivals never reached (%d hits)", id, len(m.hits))
		}
	}
}
