package ui

import (
	"byline/data"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// previewDelay is how long the selection must rest before the article
// beside the list follows it: moving through the list stays instant, and
// only the article the user stops on is loaded and rendered.
const previewDelay = 120 * time.Millisecond

// preview is the article beside the list on a wide screen following the
// selection (the selected article, or the article of the selected quote
// scrolled to it), without marking anything read.
type preview struct {
	pending previewTarget // the article waited for, or none
	seq     int           // tags the timer: only the latest one acts
}

// previewTarget is an article, and the quote to scroll to or 0.
type previewTarget struct{ id, quoteID int64 }

type previewMsg struct {
	seq int
	previewTarget
}

// selection is what the focused list has selected, when the article beside
// it follows that list.
func (m *Model) selection() (previewTarget, bool) {
	if !m.boxes.wide {
		return previewTarget{}, false
	}
	switch m.focus {
	case articlesPane:
		sel, ok := m.articles.Selected()
		return previewTarget{id: sel.ID}, ok
	case quotesPane:
		q, ok := m.quotes.Selected()
		return previewTarget{id: q.ArticleID, quoteID: q.ID}, ok
	}
	return previewTarget{}, false
}

// followSelection asks, after any update, for the selection of the focused
// list (articles or quotes) to be previewed beside it when the screen is
// wide and the article shown is another.
func (m *Model) followSelection() tea.Cmd {
	sel, ok := m.selection()
	if !ok || sel == (previewTarget{m.article.ArticleID(), m.article.Target()}) || sel == m.preview.pending {
		return nil
	}
	m.preview.pending = sel
	m.preview.seq++
	return m.common.Later(previewDelay, previewMsg{seq: m.preview.seq, previewTarget: sel})
}

// previewTimer loads the article if the selection rested on it.
func (m *Model) previewTimer(msg previewMsg) tea.Cmd {
	if msg.seq != m.preview.seq {
		return nil
	}
	m.preview.pending = previewTarget{}
	if sel, ok := m.selection(); !ok || sel != msg.previewTarget {
		return nil
	}
	var scope data.ListQuery
	if m.focus == articlesPane {
		scope = data.ListQuery{Filter: m.articles.Filter(), FeedID: m.articles.Feed().ID}
	}
	return m.article.Preview(msg.id, msg.quoteID, scope)
}
