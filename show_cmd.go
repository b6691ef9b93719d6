package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"byline/data"
	"byline/data/termtext"
	"byline/ui/article"
)

func (a *app) showCommand() *cobra.Command {
	var raw, body bool
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Print an article's full text",
		Long: `Print an article's full text with its quotes and their speakers: rendered
with Glamour on a terminal, plain text when piped. --raw prints the original
bytes exactly as they were read.

--body prints only the article's text: no title, source and date line, URL
or list of quotes. This is the text the offsets of 'byline quotes --json'
count in, and piped it is printed byte for byte as stored, so START and END
cut a quote out of it; on a terminal, control characters are removed.`,
		Example: `  byline show 42
  byline show 42 | less
  byline show --body 42 | head -c 163 | tail -c 45   # a quote at start 118, end 163`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("show needs one article ID")
			}
			if _, err := strconv.ParseInt(args[0], 10, 64); err != nil {
				return usagef("article ID %q is not a number", args[0])
			}
			if raw && body {
				return usagef("--raw and --body do not go together")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			id, _ := strconv.ParseInt(args[0], 10, 64)
			store, err := a.openExistingStore()
			if err != nil {
				return err
			}
			defer store.Close()
			if raw {
				b, err := store.Raw(cmd.Context(), id)
				if err != nil {
					return err
				}
				_, err = a.stdout.Write(b)
				return err
			}
			return a.show(cmd.Context(), store, id, body)
		},
	}
	cmd.Flags().BoolVar(&raw, "raw", false, "print the original bytes as read")
	cmd.Flags().BoolVar(&body, "body", false, "print only the article's text, the text quote offsets count in")
	return cmd
}

// show prints article id; bodyOnly prints its text alone (see showBody).
func (a *app) show(ctx context.Context, store *data.Store, id int64, bodyOnly bool) error {
	art, err := store.Article(ctx, id)
	if errors.Is(err, data.ErrNotFound) {
		return fmt.Errorf("no article %d (see 'byline list')", id)
	}
	if err != nil {
		return err
	}
	if bodyOnly {
		_, err := fmt.Fprint(a.stdout, a.showBody(art))
		return err
	}
	if !a.stdoutTTY {
		_, err := fmt.Fprint(a.stdout, plainArticle(art))
		return err
	}
	width := 80
	if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil && w > 20 {
		width = min(w, 100)
	}
	out, err := article.Render(art, width-4, glamourStyle())
	if err != nil {
		return err
	}
	_, err = fmt.Fprint(a.stdout, out)
	return err
}

// showBody is the article's text, the text quote offsets index, ending in a
// newline: byte for byte as stored when piped, so the offsets hold; cleaned
// of terminal control on a terminal, where no article may drive it.
func (a *app) showBody(art data.Article) string {
	text := art.Body
	if a.stdoutTTY {
		text = termtext.Clean(text)
	}
	if !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	return text
}

// glamourStyle picks the style once: notty under NO_COLOR, else dark or
// light from the terminal's background.
func glamourStyle() string {
	if noColor() {
		return "notty"
	}
	if lipgloss.HasDarkBackground() {
		return "dark"
	}
	return "light"
}

func noColor() bool { return os.Getenv("NO_COLOR") != "" }

// metaLine is "PLACE · Source · Author · 2 Jan 2006".
func metaLine(a data.Article) string {
	var parts []string
	for _, p := range []string{a.Place, a.Source, a.Author} {
		if p != "" {
			parts = append(parts, oneLine(p))
		}
	}
	if !a.Published.IsZero() {
		parts = append(parts, a.Published.Format("2 Jan 2006 15:04 MST"))
	}
	return strings.Join(parts, " · ")
}

func plainArticle(a data.Article) string {
	var b strings.Builder
	b.WriteString(oneLine(a.Title) + "\n")
	if m := metaLine(a); m != "" {
		b.WriteString(m + "\n")
	}
	if a.URL != "" {
		b.WriteString(oneLine(a.URL) + "\n")
	}
	b.WriteString("\n" + termtext.Clean(a.Body) + "\n")
	if len(a.Quotes) > 0 {
		b.WriteString("\nQuotes\n")
		for _, q := range a.Quotes {
			b.WriteString("- " + quoteLine(q) + "\n")
		}
	}
	return b.String()
}

// quoteLine is `"text" (kind) — Speaker, role`.
func quoteLine(q data.Quote) string {
	s := "“" + oneLine(q.Text) + "” (" + string(q.Kind) + ")"
	if who := speakerLabel(q.Speaker, q.Role); who != "" {
		s += " — " + who
	}
	return s
}

// speakerLabel is "Speaker, role"; without a speaker the role alone ("The
// mayor"), which is who the article says spoke; with neither "unattributed".
func speakerLabel(speaker, role string) string {
	who, r := oneLine(speaker), oneLine(role)
	switch {
	case who == "" && r == "":
		return "unattributed"
	case who == "":
		return r
	case r != "":
		return who + ", " + r
	}
	return who
}
