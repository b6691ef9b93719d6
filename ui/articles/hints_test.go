package articles

import (
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"byline/data"
	"byline/ui/common"
)

// The list's hints name its keys as bound, not as they are by default.
func TestHintsFollowTheKeyMap(t *testing.T) {
	k := DefaultKeyMap()
	k.Clear = key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "clear search"))
	k.Top = key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "newest"))
	k.Filter = key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "all/unread/starred"))
	k.ToggleStar = key.NewBinding(key.WithKeys("*"), key.WithHelp("*", "star"))
	r := lipgloss.NewRenderer(nil)
	fetch := key.NewBinding(key.WithKeys("F"), key.WithHelp("F", "fetch feeds"))
	m := New(common.Common{Store: storeOf(t, 3), Renderer: r, Keys: common.HintKeys{Fetch: fetch}}, k, DefaultStyles(r))
	m.SetSize(80, 20)
	settle(m, m.Init())
	view := func(want string) {
		t.Helper()
		if v := m.View(); !strings.Contains(v, want) {
			t.Fatalf("view lacks %q:\n%s", want, v)
		}
	}
	press := func(s string) {
		_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)})
		settle(m, cmd)
	}

	settle(m, m.search("article", true))
	view("“article”: 3 hits · x clears")
	press("x")

	press("f") // unread: all three
	press("f") // starred: none
	view("Press * on an article to star it, f to change filter.")

	m.filter = data.Unread
	m.feed = data.Feed{ID: 99, Title: "Some feed"}
	settle(m, m.reload())
	view("x: all feeds")
	view("Press f to change filter, x for all feeds.")
	m.filter = data.All
	settle(m, m.reload())
	view("Press F to fetch, x for all feeds.")

	m.feed = data.Feed{}
	settle(m, m.reload())
	m.newAbove, m.win.AtStart, m.nav.Offset = 2, false, 1
	view("2 new · t to see")
}
