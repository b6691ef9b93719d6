package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"byline/data"
	"byline/ui/article"
	"byline/ui/articles"
	"byline/ui/common"
	"byline/ui/feeds"
	"byline/ui/quotes"
)

// Update routes a message: window sizes to every pane, a pane's results to
// that pane, messages from panes to the root, keys to the global bindings,
// then to a text input if one is active, else to the focused pane.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if p, ok := msg.(previewMsg); ok {
		return m, m.previewTimer(p)
	}
	focus := m.focus
	_, cmd := m.update(msg)
	if m.focus == feedsPane && focus != feedsPane {
		cmd = tea.Batch(cmd, m.feeds.SelectedError())
	}
	if follow := m.followSelection(); follow != nil {
		cmd = tea.Batch(cmd, follow)
	}
	if m.helpShown {
		// the full help changes with the pane's state (a search started),
		// its height with it
		if h := m.helpView(); h != m.fullHelp {
			lines := lipgloss.Height(m.fullHelp)
			m.fullHelp = h
			if lipgloss.Height(h) != lines {
				cmd = tea.Batch(cmd, m.relayout())
			}
		}
	}
	return m, cmd
}

func (m *Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		return m, m.relayout()

	case articles.Msg:
		_, cmd := m.articles.Update(msg)
		return m, cmd
	case article.Msg:
		_, cmd := m.article.Update(msg)
		return m, cmd
	case quotes.Msg:
		_, cmd := m.quotes.Update(msg)
		return m, cmd
	case feeds.Msg:
		_, cmd := m.feeds.Update(msg)
		return m, cmd

	case fetchFeedsMsg:
		return m, m.fetchFeeds(msg)
	case fetchResultMsg:
		return m, m.fetchResult(msg)
	case fetchDoneMsg:
		return m, m.fetchDone(msg)

	case common.CountsMsg:
		m.counts = msg.Counts
		return m, m.broadcast(msg)
	case common.CountsChangedMsg:
		return m, m.loadCounts()
	case common.FlagMsg:
		if m.common.Flags.Superseded(msg) {
			return m, nil // a later key changed the flag again: its reply counts
		}
		return m, m.broadcast(msg)
	case common.ArticleShownMsg:
		return m, m.broadcast(msg)
	case common.StatusMsg:
		m.status, m.statusErr = msg.Text, msg.Err
		return m, nil
	case common.OpenArticleMsg:
		m.setFocus(articlePane)
		return m, m.article.Open(msg.ID, msg.QuoteID, data.ListQuery{Filter: msg.Filter, FeedID: msg.FeedID})
	case common.StepQuoteMsg:
		// From the quote shown now, not when the key was pressed: keys
		// that arrive together each step on from the one before.
		q, ok, cmd := m.quotes.Step(m.article.Target(), msg.Delta)
		if !ok {
			return m, cmd
		}
		return m, tea.Batch(cmd, m.article.Open(q.ArticleID, q.ID, data.ListQuery{}))
	case common.BackMsg:
		m.setFocus(m.list)
		return m, nil
	case common.ShowFeedMsg:
		m.setFocus(articlesPane)
		return m, m.articles.SetFeed(msg.Feed)
	case common.BackToFeedsMsg:
		m.setFocus(feedsPane)
		return m, nil

	case tea.MouseMsg:
		return m, m.handleMouse(msg)
	case tea.KeyMsg:
		m.status, m.statusErr = "", false
		return m, m.handleKey(msg)
	}
	return m, nil
}

func (m *Model) broadcast(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for p := range paneCount {
		_, cmd := m.pane(p).Update(msg)
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	if key.Matches(msg, k.ForceQuit) {
		m.cancelFetch()
		return tea.Quit
	}
	focused := m.pane(m.focus)
	if focused.Typing() {
		_, cmd := focused.Update(msg)
		return cmd
	}
	if msg.Type == tea.KeyRunes && (msg.Paste || len(msg.Runes) > 1) {
		return m.handleRunes(msg)
	}
	switch {
	case key.Matches(msg, k.Help):
		m.helpShown = !m.helpShown
		return m.relayout()
	case key.Matches(msg, k.NextPane):
		m.setFocus((m.focus + 1) % paneCount)
	case key.Matches(msg, k.PrevPane):
		m.setFocus((m.focus + paneCount - 1) % paneCount)
	case key.Matches(msg, k.Articles):
		m.setFocus(articlesPane)
	case key.Matches(msg, k.Article):
		m.setFocus(articlePane)
	case key.Matches(msg, k.Quotes):
		m.setFocus(quotesPane)
	case key.Matches(msg, k.Feeds):
		m.setFocus(feedsPane)
	case key.Matches(msg, k.Fetch):
		return m.startFetch()
	case key.Matches(msg, k.Quit):
		if m.focus == articlePane && !m.boxes.wide {
			m.setFocus(m.list)
			return nil
		}
		m.cancelFetch()
		return tea.Quit
	default:
		_, cmd := focused.Update(msg)
		return cmd
	}
	return nil
}

// handleMouse sends a mouse event to the pane under it, in the pane's own
// coordinates; a click also focuses that pane.
func (m *Model) handleMouse(msg tea.MouseMsg) tea.Cmd {
	for p := range paneCount {
		r := m.boxes.panes[p]
		if !m.boxes.visible[p] || !r.contains(msg.X, msg.Y) {
			continue
		}
		if msg.Button == tea.MouseButtonLeft && msg.Action == tea.MouseActionPress && p != m.focus {
			m.setFocus(p)
		}
		inner := msg
		inner.X, inner.Y = msg.X-r.X-1-panePadding, msg.Y-r.Y-1
		_, cmd := m.pane(p).Update(inner)
		return cmd
	}
	return nil
}

// setFocus focuses a pane; a list pane becomes the one shown beside the
// article.
func (m *Model) setFocus(p paneID) {
	if p == m.focus {
		return
	}
	m.pane(m.focus).Blur()
	m.focus = p
	if p != articlePane {
		m.list = p
	}
	m.pane(p).Focus()
	m.relayout()
}

// relayout recomputes the boxes and gives every pane its inner size; the
// article pane may need a new rendering for a new width.
func (m *Model) relayout() tea.Cmd {
	if m.focus == articlePane && m.width < wideWidth {
		m.keys.Quit.SetHelp(m.keys.Quit.Help().Key, "back")
	} else {
		m.keys.Quit.SetHelp(m.keys.Quit.Help().Key, "quit")
	}
	helpLines := 0
	m.fullHelp = ""
	if m.helpShown {
		m.keys.Help.SetHelp(m.keys.Help.Help().Key, "fewer keys")
		m.fullHelp = m.helpView()
		helpLines = lipgloss.Height(m.fullHelp)
	} else {
		m.keys.Help.SetHelp(m.keys.Help.Help().Key, "more keys")
	}
	m.boxes = layout(m.width, m.height, m.focus, m.list, helpLines)
	for p := range paneCount {
		m.pane(p).SetSize(innerSize(m.boxes.panes[p]))
	}
	m.help.Width = m.width
	return m.article.Resized()
}

// handleRunes takes keys that reached the terminal together one by one:
// Bubble Tea reads "jjj" from a held key or a fast typist as one message,
// which no binding matches. A paste outside a text input is no command
// (a pasted "q" must not quit).
func (m *Model) handleRunes(msg tea.KeyMsg) tea.Cmd {
	if msg.Paste {
		return nil
	}
	// The keys change the model in order here; their commands (loads,
	// debounce timers) may run side by side.
	var cmds []tea.Cmd
	for _, r := range msg.Runes {
		cmds = append(cmds, m.handleKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt}))
	}
	return tea.Batch(cmds...)
}
