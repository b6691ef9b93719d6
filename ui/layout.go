package ui

import "byline/ui/article"

// paneID names a pane.
type paneID int

const (
	articlesPane paneID = iota
	articlePane
	quotesPane
	feedsPane
	paneCount
)

// rect is a box on the screen, in cells.
type rect struct{ X, Y, W, H int }

func (r rect) contains(x, y int) bool {
	return x >= r.X && x < r.X+r.W && y >= r.Y && y < r.Y+r.H
}

// boxes is where everything goes on the screen. Every pane has a box, the
// size it gets when shown; visible says which are shown.
type boxes struct {
	header  rect
	panes   [paneCount]rect
	visible [paneCount]bool
	status  rect
	help    rect
	wide    bool
}

const (
	// wideWidth is the narrowest screen showing a list and the article side
	// by side.
	wideWidth    = 120
	minListWidth = 40
	maxListWidth = 72
	// minPanesHeight is the header, a pane of one line in its borders and
	// the status line: what the full help leaves.
	minPanesHeight = 5
)

// layout places the panes for a screen of width x height: on a wide screen
// the list (the focused one, else list: articles, quotes or feeds) beside the
// article, else the focused pane alone. Rows: a header line, the panes, a
// status line, then the help: one line, or the full help's helpLines when
// it is shown (all of it the screen can hold above a pane of one line: the
// user asked to read the keys). It is computed on resize, on focus changes
// and when the help's height changes only.
func layout(width, height int, focus, list paneID, helpLines int) boxes {
	width, height = max(0, width), max(0, height)
	var b boxes
	helpH := 1
	if helpLines > 0 {
		helpH = max(1, min(helpLines, height-minPanesHeight))
	}
	b.header = rect{X: 0, Y: 0, W: width, H: min(1, height)}
	paneY := b.header.H
	paneH := max(0, height-paneY-1-helpH)
	b.status = rect{X: 0, Y: min(height, paneY+paneH), W: width, H: min(1, max(0, height-paneY-paneH))}
	b.help = rect{X: 0, Y: b.status.Y + b.status.H, W: width, H: max(0, height-b.status.Y-b.status.H)}

	b.wide = width >= wideWidth
	if !b.wide {
		full := rect{X: 0, Y: paneY, W: width, H: paneH}
		for p := range b.panes {
			b.panes[p] = full
		}
		b.visible[focus] = true
		return b
	}
	if focus != articlePane {
		list = focus
	}
	if list != quotesPane && list != feedsPane {
		list = articlesPane
	}
	listW := max(minListWidth, min(maxListWidth, width*2/5))
	// the article's lines stop at a readable width: the list takes the
	// columns it would leave empty
	if maxArticle := article.MaxWidth + 2 + 2*panePadding; width-listW > maxArticle {
		listW = width - maxArticle
	}
	left := rect{X: 0, Y: paneY, W: listW, H: paneH}
	b.panes[articlesPane] = left
	b.panes[quotesPane] = left
	b.panes[feedsPane] = left
	b.panes[articlePane] = rect{X: listW, Y: paneY, W: width - listW, H: paneH}
	b.visible[list] = true
	b.visible[articlePane] = true
	return b
}
