package articles

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"byline/data"
	"byline/ui/common"
)

func storeOf(t *testing.T, n int) *data.Store {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	arts := make([]data.Article, n)
	for i := range arts {
		arts[i] = data.Article{Key: fmt.Sprint(i), Title: fmt.Sprintf("Article %04d", i), Body: "x",
			Published: time.Unix(1e9+int64(i)*60, 0)}
	}
	if _, err := s.Insert(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
	return s
}

// settle runs cmd and feeds every resulting message back into m.
func settle(m *Model, cmd tea.Cmd) {
	for cmd != nil {
		msg := cmd()
		if msg == nil {
			return
		}
		_, cmd = m.Update(msg)
	}
}

func TestWindowStaysBounded(t *testing.T) {
	const n = 1000
	r := lipgloss.NewRenderer(nil)
	m := New(common.Common{Store: storeOf(t, n), Renderer: r}, DefaultKeyMap(), DefaultStyles(r))
	m.SetSize(60, 20)
	settle(m, m.Init())
	down := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("j")}
	up := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("k")}
	check := func(want int) {
		t.Helper()
		if len(m.win.Rows) > common.WindowSize {
			t.Fatalf("window holds %d rows", len(m.win.Rows))
		}
		a, _ := m.Selected()
		if w := fmt.Sprintf("Article %04d", want); a.Title != w {
			t.Fatalf("selected %q, want %q", a.Title, w)
		}
	}
	for i := 1; i < n; i++ {
		_, cmd := m.Update(down)
		settle(m, cmd)
		check(n - 1 - i)
	}
	if !m.win.AtEnd || m.win.AtStart {
		t.Fatalf("at the oldest: atStart=%v atEnd=%v", m.win.AtStart, m.win.AtEnd)
	}
	for i := n - 2; i >= 0; i-- {
		_, cmd := m.Update(up)
		settle(m, cmd)
		check(n - 1 - i)
	}
	if !m.win.AtStart {
		t.Fatal("back at the newest but not at the start")
	}
}

// A page asked for before the filter changed is dropped when it arrives.
func TestStalePageDropped(t *testing.T) {
	r := lipgloss.NewRenderer(nil)
	m := New(common.Common{Store: storeOf(t, 10), Renderer: r}, DefaultKeyMap(), DefaultStyles(r))
	m.SetSize(60, 20)
	stale := m.Init()
	_, current := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("u")}) // unread: a new window
	_, cmd := m.Update(stale())
	if cmd != nil || m.loaded {
		t.Fatal("a page for the old window was taken")
	}
	settle(m, current)
	if !m.loaded || m.filter != data.Unread || len(m.win.Rows) != 10 {
		t.Fatalf("current page not shown: loaded=%v filter=%v rows=%d", m.loaded, m.filter, len(m.win.Rows))
	}
}
