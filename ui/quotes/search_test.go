package quotes

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"byline/data"
	"byline/ui/common"
)

// The speaker search runs once typing pauses, not on every key: only the
// pause after the last edit searches. The pauses are delivered by hand.
func TestSpeakerSearchIsDebounced(t *testing.T) {
	var pauses []tea.Msg
	r := lipgloss.NewRenderer(nil)
	c := common.Common{Store: storeOf(t, 3), Renderer: r, After: func(d time.Duration, msg tea.Msg) tea.Cmd {
		if d != common.Debounce {
			t.Errorf("waits %v, want %v", d, common.Debounce)
		}
		pauses = append(pauses, msg)
		return nil
	}}
	m := New(c, DefaultKeyMap(), DefaultStyles(r))
	m.SetSize(60, 20)
	settle(m, m.Init())
	m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/")})
	asked := m.matchSeq
	for _, r := range "ann" {
		_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		settle(m, cmd)
	}
	if m.matchSeq != asked || len(pauses) != 3 {
		t.Fatalf("typing searched %d times (%d pauses), want none yet", m.matchSeq-asked, len(pauses))
	}
	for _, p := range pauses {
		_, cmd := m.Update(p)
		settle(m, cmd)
	}
	if m.matchSeq != asked+1 {
		t.Fatalf("%d searches for three pauses, want one: the last's", m.matchSeq-asked)
	}
	if v := m.View(); !strings.Contains(v, "> Ann Lee") {
		t.Fatalf("the match is not shown:\n%s", v)
	}
}

// The pane's hints name its keys as bound, not as they are by default.
func TestHintsFollowTheKeyMap(t *testing.T) {
	k := DefaultKeyMap()
	k.Clear = key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "all speakers"))
	k.Cancel = key.NewBinding(key.WithKeys("ctrl+g"), key.WithHelp("ctrl+g", "cancel"))
	r := lipgloss.NewRenderer(nil)
	var pause tea.Msg
	later := func(_ time.Duration, msg tea.Msg) tea.Cmd { pause = msg; return nil }
	m := New(common.Common{Store: storeOf(t, 3), Renderer: r, After: later}, k, DefaultStyles(r))
	m.SetSize(60, 20)
	settle(m, m.Init())
	m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/")})
	for _, r := range "zzz" {
		_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		settle(m, cmd)
	}
	_, cmd := m.Update(pause) // the pause: no match
	settle(m, cmd)
	_, cmd = m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	var status string
	for cmd != nil {
		msg := cmd()
		if s, ok := msg.(common.StatusMsg); ok {
			status = s.Text
			break
		}
		_, cmd = m.Update(msg)
	}
	if status != "No speaker matches: keep typing, or ctrl+g to cancel." {
		t.Fatalf("status %q", status)
	}
	m.Update(tea.KeyMsg{Type: tea.KeyCtrlG})
	m.speaker = &data.SpeakerMatch{Speaker: data.Speaker{Name: "Ann Lee", Quotes: 3}}
	if v := m.View(); !strings.Contains(v, "3 · x for all") {
		t.Fatalf("title line:\n%s", v)
	}
}

// Enter typed during the pause, when the last letter leaves the speaker
// shown as it was, opens the newest quote as soon as the search answers:
// no page of quotes is coming to open it from (it had waited for one, and
// opened an article later, unasked).
func TestEnterDuringThePauseOpens(t *testing.T) {
	var pauses []tea.Msg
	r := lipgloss.NewRenderer(nil)
	c := common.Common{Store: storeOf(t, 3), Renderer: r, After: func(d time.Duration, msg tea.Msg) tea.Cmd {
		pauses = append(pauses, msg)
		return nil
	}}
	m := New(c, DefaultKeyMap(), DefaultStyles(r))
	m.SetSize(60, 20)
	settle(m, m.Init())
	opened := false
	run := func(cmd tea.Cmd) { opened = opened || len(opens(m, cmd)) > 0 }
	key := func(k string) {
		_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)})
		run(cmd)
	}
	key("/")
	key("a")
	key("n")
	for _, p := range pauses {
		_, cmd := m.Update(p)
		run(cmd)
	}
	if v := m.View(); !strings.Contains(v, "> Ann Lee") {
		t.Fatalf("the match is not shown:\n%s", v)
	}
	key("n") // Ann Lee still; its pause is not delivered
	_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	run(cmd)
	if !opened || m.openNewest {
		t.Errorf("enter during the pause: opened %v, still waiting to open %v", opened, m.openNewest)
	}
}
