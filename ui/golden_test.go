package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// Golden screens, colours off. Refresh with go test ./ui -run TestGolden
// -update, then read every changed file before committing it.
func TestGolden(t *testing.T) {
	screens := []struct {
		name string
		w, h int
		keys []string
		text string // typed after keys
	}{
		{"wide_list", 160, 45, nil, ""},
		{"wide_article", 160, 45, []string{"enter"}, ""},
		{"wide_quote_jump", 160, 45, []string{"3", "G", "enter"}, ""},
		{"wide_speaker_search", 160, 45, []string{"3", "/"}, "jefrey"},
		{"wide_full_help", 160, 45, []string{"?"}, ""},
		{"narrow_list", 70, 22, nil, ""},
		{"narrow_search", 70, 22, []string{"/", "t", "a", "l", "k", "s"}, ""},
		{"narrow_article", 70, 22, []string{"enter"}, ""},
		{"narrow_quotes", 70, 22, []string{"3"}, ""},
		{"empty_store", 70, 22, nil, ""},
		{"wide_feeds", 160, 45, []string{"4"}, ""},
		{"narrow_feeds", 70, 22, []string{"4", "j"}, ""},
		{"narrow_feed_articles", 70, 22, []string{"4", "G", "enter"}, ""},
	}
	for _, s := range screens {
		t.Run(s.name, func(t *testing.T) {
			arts := fixtureArticles(t)
			if s.name == "empty_store" {
				arts = nil
			}
			store := newStore(t, arts)
			if strings.Contains(s.name, "feed") {
				fixtureFeeds(t, store)
			}
			d := newDriver(t, store, s.w, s.h)
			d.keys(s.keys...)
			d.typeText(s.text)
			golden.RequireEqual(t, d.view())
		})
	}
}
