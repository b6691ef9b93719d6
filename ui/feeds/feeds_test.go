package feeds

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"byline/data"
	"byline/ui/common"
)

func newTestModel(t *testing.T, n int) (*Model, *data.Store) {
	t.Helper()
	store, err := data.Open(filepath.Join(t.TempDir(), "byline.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	for i := range n {
		if _, err := store.AddFeed(t.Context(), data.Feed{URL: fmt.Sprintf("https://example.com/%d", i), Title: fmt.Sprintf("Feed %02d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	r := lipgloss.NewRenderer(nil)
	r.SetColorProfile(termenv.Ascii)
	now := time.Date(2026, 3, 20, 12, 0, 0, 0, time.UTC)
	m := New(common.Common{Store: store, Renderer: r, Now: func() time.Time { return now }}, DefaultKeyMap(), DefaultStyles(r))
	m.SetSize(60, 10) // three feeds a screen
	m.Focus()
	return m, store
}

func run(m *Model, cmd tea.Cmd) tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if _, ok := msg.(loadedMsg); ok {
		m.Update(msg)
	}
	return msg
}

func TestFeedsMoveAndOpen(t *testing.T) {
	m, _ := newTestModel(t, 5)
	run(m, m.Init())
	if !strings.Contains(m.View(), "Feeds · 5 subscriptions") || !strings.Contains(m.View(), "> Feed 00") {
		t.Fatalf("view:\n%s", m.View())
	}
	for _, k := range []string{"j", "j", "j"} {
		m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)})
	}
	v := m.View()
	if !strings.Contains(v, "> Feed 03") || strings.Contains(v, "Feed 00") {
		t.Fatalf("after jjj the view does not follow the cursor:\n%s", v)
	}
	_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	if msg, ok := run(m, cmd).(common.ShowFeedMsg); !ok || msg.Feed.Title != "Feed 03" {
		t.Fatalf("enter sent %#v", msg)
	}
}

// A reload keeps the selected feed selected, and an older load that
// answers late is dropped.
func TestFeedsReloadKeepsSelection(t *testing.T) {
	m, store := newTestModel(t, 3)
	run(m, m.Init())
	m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("j")}) // Feed 01
	stale := m.Reload()
	if _, err := store.AddFeed(t.Context(), data.Feed{URL: "https://example.com/a", Title: "A first"}); err != nil {
		t.Fatal(err)
	}
	run(m, m.Reload())
	run(m, stale) // the older load answers last
	v := m.View()
	if !strings.Contains(v, "Feeds · 4 subscriptions") || !strings.Contains(v, "> Feed 01") {
		t.Fatalf("after reload:\n%s", v)
	}
}

func TestNoFeedsSaysHowToSubscribe(t *testing.T) {
	m, _ := newTestModel(t, 0)
	run(m, m.Init())
	if v := m.View(); !strings.Contains(v, "byline feeds add URL") {
		t.Fatalf("view:\n%s", v)
	}
	if len(m.ShortHelp()) != 3 || m.ShortHelp()[2].Enabled() {
		t.Fatal("enter is offered with no feeds")
	}
}

// TestSelectedFeedErrorInStatus: a feed's row has room for the start of its
// last error only; selected, the whole error goes to the status line.
func TestSelectedFeedErrorInStatus(t *testing.T) {
	m, store := newTestModel(t, 2)
	long := "dial tcp 203.0.113.7:443: connect: connection timed out after 30 seconds of waiting"
	fs, _ := store.Feeds(t.Context(), "")
	if err := store.UpdateFeedState(t.Context(), fs[1].ID, data.FeedState{Title: fs[1].Title, LastError: long}); err != nil {
		t.Fatal(err)
	}
	run(m, m.Init())
	if strings.Contains(m.View(), "seconds of waiting") {
		t.Fatalf("the row had room for the whole error; make it longer:\n%s", m.View())
	}
	_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("j")})
	st, ok := run(m, cmd).(common.StatusMsg)
	if !ok || !st.Err || !strings.Contains(st.Text, long) || !strings.Contains(st.Text, fs[1].Title) {
		t.Fatalf("selecting the failing feed sent %#v", st)
	}
	_, cmd = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("k")})
	if msg := run(m, cmd); msg != nil {
		t.Fatalf("selecting a feed without an error sent %#v", msg)
	}
}

// The hint of an empty view names the fetch key as bound.
func TestHintFollowsTheFetchKey(t *testing.T) {
	m, _ := newTestModel(t, 0)
	m.common.Keys.Fetch = key.NewBinding(key.WithKeys("F"), key.WithHelp("F", "fetch feeds"))
	run(m, m.Init())
	if v := m.View(); !strings.Contains(v, "then press F to fetch.") {
		t.Fatalf("view:\n%s", v)
	}
}

// A feed whose last fetch failed was tried, not fetched; one that went
// well says fetched.
func TestFailedFetchSaysTried(t *testing.T) {
	m, store := newTestModel(t, 2)
	now := m.common.Clock()
	fs, _ := store.Feeds(t.Context(), "")
	states := []data.FeedState{{Title: fs[0].Title, LastFetch: now}, {Title: fs[1].Title, LastFetch: now, LastError: "HTTP 503"}}
	for i, st := range states {
		if err := store.UpdateFeedState(t.Context(), fs[i].ID, st); err != nil {
			t.Fatal(err)
		}
	}
	run(m, m.Init())
	v := m.View()
	for _, want := range []string{"    fetched just now\n", "    tried just now · error: HTTP 503\n"} {
		if !strings.Contains(v+"\n", want) {
			t.Fatalf("view lacks %q:\n%s", want, v)
		}
	}
}
