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
// selection, without marking anything read.
type preview struct {
	pending int64 // the article waited for, or 0
	seq     int   // tags the timer: only the latest one acts
}

type previewMsg struct {
	seq int
	id  int64
}

// followSelection asks, after any update, for the selected article to be
// previewed beside the list when the screen is wide, the article list is
// focused and shows another article.
func (m *Model) followSelection() tea.Cmd {
	if !m.boxes.wide || m.focus != articlesPane {
		return nil
	}
	sel, ok := m.articles.Selected()
	if !ok || sel.ID == m.article.ArticleID() || sel.ID == m.preview.pending {
		return nil
	}
	m.preview.pending = sel.ID
	m.preview.seq++
	seq, id := m.preview.seq, sel.ID
	return m.common.Later(previewDelay, previewMsg{seq: seq, id: id})
}

// previewTimer loads the article if the selection rested on it.
func (m *Model) previewTimer(msg previewMsg) tea.Cmd {
	if msg.seq != m.preview.seq {
		return nil
	}
	m.preview.pending = 0
	sel, ok := m.articles.Selected()
	if !ok || sel.ID != msg.id || !m.boxes.wide || m.focus != articlesPane {
		return nil
	}
	return m.article.Preview(msg.id, data.ListQuery{Filter: m.articles.Filter(), FeedID: m.articles.Feed().ID})
}
