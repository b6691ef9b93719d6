package ui

import (
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"byline/feed/fetch"
	"byline/ui/common"
)

// Hints name the keys as bound: with fetch on F and the feeds view on 5,
// no hint says r or 4.
func TestHintsFollowTheKeyMap(t *testing.T) {
	keys := DefaultKeyMap()
	keys.Fetch = key.NewBinding(key.WithKeys("F"), key.WithHelp("F", "fetch feeds"))
	keys.Feeds = key.NewBinding(key.WithKeys("5"), key.WithHelp("5", "feeds"))
	d := &driver{tb: t}
	c := common.Common{Store: newStore(t, nil), NoColor: true, Now: func() time.Time { return goldenNow }}
	d.m = newTestModelKeys(c, keys)
	d.run(d.m.Init())
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})

	d.contains("and press F here to fetch.") // the empty store
	d.keys("F")
	d.contains("then press F.") // no subscriptions
	d.keys("5")
	d.contains("then press F to fetch.")
	d.lacks("press r", "feeds view (4)")

	m := d.root()
	m.fetch.running, m.fetch.cancel = true, func() {}
	m.fetchDone(fetchDoneMsg{run: m.fetch.run, sum: fetch.Summary{Failed: 1}})
	d.contains("1 feed failed: see the feeds view (5)")
}

// newTestModelKeys is newTestModel with these global keys.
func newTestModelKeys(c common.Common, keys KeyMap) *Model {
	c.Renderer = lipgloss.NewRenderer(nil)
	c.Renderer.SetColorProfile(termenv.Ascii)
	return newModelKeys(c, keys)
}
