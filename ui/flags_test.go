package ui

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// m pressed twice fast sends two writes of one flag; Bubble Tea runs them
// side by side, so they can reach the store, and their replies the panes,
// in either order. The last key must win in both: here the row ends unread.
func TestLastFlagKeyWins(t *testing.T) {
	for _, c := range []struct {
		name                   string
		writesReversed, replay bool
	}{
		{"writes in order, replies reversed", false, true},
		{"writes reversed, replies reversed", true, true},
		{"writes reversed, replies in order", true, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := newStore(t, fixtureArticles(t))
			d := newDriver(t, s, 80, 24)
			sel, _ := d.root().articles.Selected()
			press := func() tea.Cmd {
				var cmd tea.Cmd
				d.m, cmd = d.m.Update(keyMsg("m"))
				return cmd
			}
			first, second := press(), press()
			var r1, r2 []tea.Msg
			if c.writesReversed {
				r2, r1 = d.exec(second), d.exec(first)
			} else {
				r1, r2 = d.exec(first), d.exec(second)
			}
			replies := append(r1, r2...)
			if c.replay {
				replies = append(r2, r1...)
			}
			for _, msg := range replies {
				d.send(msg)
			}
			a, err := s.Article(context.Background(), sel.ID)
			if err != nil || a.Read {
				t.Fatalf("stored read=%v (%v), want unread: the first m's write came last", a.Read, err)
			}
			if line := d.selectedLine(); !strings.Contains(line, "●") {
				t.Fatalf("row %q shows read: the first m's reply came last", line)
			}
			d.contains("5 unread")
		})
	}
}
