package ui

import (
	"sort"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"byline/data"
	"byline/ui/common"
)

// View draws the header, the visible panes in their boxes, the status line
// and the help.
func (m *Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	var rows []string
	rows = append(rows, m.headerView())
	var shown []paneID
	for p := range paneCount {
		if m.boxes.visible[p] {
			shown = append(shown, p)
		}
	}
	sort.Slice(shown, func(i, j int) bool { return m.boxes.panes[shown[i]].X < m.boxes.panes[shown[j]].X })
	var panes []string
	for _, p := range shown {
		panes = append(panes, m.paneView(p))
	}
	if m.boxes.panes[articlesPane].H > 0 {
		rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, panes...))
	}
	if m.boxes.status.H > 0 {
		rows = append(rows, m.statusView())
	}
	if m.boxes.help.H > 0 {
		help := m.fullHelp // (drawn in Update, when the state changed)
		if !m.helpShown {
			help = m.helpView()
		}
		rows = append(rows, common.Fit(help, m.width, m.boxes.help.H))
	}
	return common.Fit(strings.Join(rows, "\n"), m.width, m.height)
}

// paneView draws a pane inside its border, exactly its box.
func (m *Model) paneView(p paneID) string {
	r := m.boxes.panes[p]
	w, h := innerSize(r)
	if w <= 0 || h <= 0 {
		return common.Fit("", r.W, r.H)
	}
	style := m.styles.Pane
	if p == m.focus {
		style = m.styles.FocusedPane
	}
	inner := common.Fit(m.pane(p).View(), w, h)
	return style.Width(w + 2*panePadding).Height(h).Render(inner)
}

// panePadding is the space between a pane's border and its text.
const panePadding = 1

// innerSize is the size of a pane's text in box r: inside the border and
// padding.
func innerSize(r rect) (int, int) {
	return max(0, r.W-2-2*panePadding), max(0, r.H-2)
}

func (m *Model) headerView() string {
	name := m.styles.Header.Render("byline")
	meta := headerMeta(m.counts, m.width-ansi.StringWidth(name)-1)
	return common.Spread(name, m.styles.HeaderMeta.Render(meta), m.width)
}

// headerMeta is the store's totals in at most width cells: on a narrow
// screen the starred count goes first, then the unread, then the quotes,
// so that the app's name keeps its place (review: "b…" beside the totals).
func headerMeta(c data.Counts, width int) string {
	articles, quotes := common.Plural(c.Articles, "article"), common.Plural(c.Quotes, "quote")
	unread, starred := common.Thousands(c.Unread)+" unread", common.Thousands(c.Starred)+" starred"
	for _, parts := range [][]string{
		{articles, unread, starred, quotes},
		{articles, unread, quotes},
		{articles, quotes},
		{articles},
	} {
		if meta := strings.Join(parts, " · "); ansi.StringWidth(meta) <= width {
			return meta
		}
	}
	return ""
}

// statusView is the status line: the last message, and while a fetch runs
// its progress at the right end, so that a message (a feed's error, shown
// as it is selected) does not hide how the fetch is going.
func (m *Model) statusView() string {
	progress := ""
	if m.fetch.running {
		progress = m.styles.Status.Render(m.fetchProgress())
	}
	if m.status == "" {
		return common.Truncate(progress, m.width)
	}
	style := m.styles.Status
	if m.statusErr {
		style = m.styles.StatusError
	}
	// The message keeps at least half the line.
	if progress == "" || ansi.StringWidth(progress) > m.width/2 {
		return style.Render(common.Truncate(m.status, m.width))
	}
	return common.Spread(style.Render(common.Truncate(m.status, m.width-ansi.StringWidth(progress)-3)), progress, m.width)
}
