package ui

import (
	"strings"
	"testing"
)

// TestNextQuoteFromTheQuotesList: in an article opened from the quotes
// list, n and p go to the next and previous quote of that list, open its
// article at it and move the list's selection with it, so esc comes back
// to the quote shown (review: n went to the next article, at its top, and
// esc snapped back to the old quote).
func TestNextQuoteFromTheQuotesList(t *testing.T) {
	for _, size := range []struct{ w, h int }{{120, 40}, {80, 24}} {
		d := newDriver(t, newStore(t, fixtureArticles(t)), size.w, size.h)
		d.keys("3", "/")
		d.typeText("feltman")
		d.keys("enter", "?") // Feltman's newest, in the envoy article
		if v := d.view(); !showsKey(v, "n", "next quote") || !showsKey(v, "p", "previous quote") || strings.Contains(v, "next (older)") {
			t.Fatalf("%dx%d the help does not say n and p go through the quotes:\n%s", size.w, size.h, v)
		}
		d.keys("?")

		at := func(step, quote, title string) {
			t.Helper()
			m := d.root()
			q, ok := m.quotes.Selected()
			if !ok || !strings.Contains(q.Text, quote) {
				t.Fatalf("%dx%d after %s the quotes list selects %q, want %q", size.w, size.h, step, q.Text, quote)
			}
			if m.article.ArticleID() != q.ArticleID || m.article.Target() != q.ID {
				t.Fatalf("%dx%d after %s the article is %d at quote %d, want %d at %d", size.w, size.h, step, m.article.ArticleID(), m.article.Target(), q.ArticleID, q.ID)
			}
			d.contains(title, "┃ ")
		}
		at("enter", "We are ready", "Envoy meets")
		d.keys("n")
		at("n", "Diplomacy takes patience", "Long report")
		d.contains(`**"Diplomacy takes patience`)
		d.keys("n")
		d.contains("This is the oldest quote in the list.")
		at("n at the end", "Diplomacy takes patience", "Long report")
		d.keys("p")
		at("p", "We are ready", "Envoy meets")
		d.keys("p")
		d.contains("This is the newest quote in the list.")
		d.keys("n", "esc")
		if m := d.root(); m.focus != quotesPane {
			t.Fatalf("%dx%d esc focused pane %d", size.w, size.h, m.focus)
		}
		if !strings.Contains(d.selectedLine(), "Diplomacy takes patience") {
			t.Fatalf("%dx%d esc came back to %q", size.w, size.h, d.selectedLine())
		}
		if size.w >= wideWidth {
			at("esc", "Diplomacy takes patience", "Long report") // no snap back
		}
	}
}

// TestNextQuoteWithinAnArticle: the next quote may be in the same article,
// further down; all speakers' quotes are walked when no speaker is chosen.
func TestNextQuoteWithinAnArticle(t *testing.T) {
	d := newDriver(t, newStore(t, fixtureArticles(t)), 80, 24)
	d.keys("3", "enter", "n")
	d.contains("┃ ", `**"We will not negotiate`)
	d.keys("n")
	d.contains("# Markets rally", `**"The recovery is gaining traction,"**`)
	d.keys("esc")
	if !strings.Contains(d.selectedLine(), "The recovery is gaining traction") {
		t.Fatalf("esc came back to %q", d.selectedLine())
	}
}

// TestNextArticleFromTheArticlesList: from the articles list n and p stay
// the next and previous article, and the help says so.
func TestNextArticleFromTheArticlesList(t *testing.T) {
	d := newDriver(t, newStore(t, fixtureArticles(t)), 120, 40)
	d.keys("enter", "?")
	if v := d.view(); !showsKey(v, "n", "next (older)") || !showsKey(v, "p", "previous (newer)") || strings.Contains(v, "next quote") {
		t.Fatalf("the help does not say n and p go through the articles:\n%s", v)
	}
	d.keys("?", "n")
	d.contains("# Markets rally")
	if d.root().article.Target() != 0 {
		t.Fatal("n from the articles list opened at a quote")
	}
}

// n and p that arrive together (a held key over ssh) each take a step,
// from the quote or article the one before took: they had all stepped
// from where the first started.
func TestStepsThatArriveTogether(t *testing.T) {
	d := newDriver(t, newStore(t, fixtureArticles(t)), 80, 24)
	d.keys("3", "enter", "nn") // two quotes on: as n, n
	d.contains("# Markets rally", `**"The recovery is gaining traction,"**`)

	d = newDriver(t, newStore(t, fixtureArticles(t)), 120, 40)
	d.keys("enter", "n")
	one := d.root().article.ArticleID()
	d = newDriver(t, newStore(t, fixtureArticles(t)), 120, 40)
	d.keys("enter", "n", "n")
	two := d.root().article.ArticleID()
	d = newDriver(t, newStore(t, fixtureArticles(t)), 120, 40)
	d.keys("enter", "nn")
	if got := d.root().article.ArticleID(); got != two || two == one {
		t.Fatalf(`"nn" together opened article %d; n, n opens %d (n alone %d)`, got, two, one)
	}
	d.keys("pp")
	d.contains("# Envoy meets")
}
