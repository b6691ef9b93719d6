package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"byline/feed"
)

func (a *app) importCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "import PATH...",
		Short: "Import article files and folders into the store",
		Long: `Import article files into the store, finding and attributing their quotes.

PATH may be a file or a folder (read recursively). Formats: plain text (title,
blank line, paragraphs; or a lead line then the body on one line) and JSON
Lines (.jsonl, .ndjson: one article per line). Importing the same files again
adds nothing. Bad files are reported one line each and counted; the rest go on.`,
		Example: `  byline import ~/news/bbc
  byline import articles.jsonl more/`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("import needs at least one PATH")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.importPaths(cmd.Context(), args)
		},
	}
}

func (a *app) importPaths(ctx context.Context, paths []string) error {
	store, err := a.openStore()
	if err != nil {
		return err
	}
	defer store.Close()
	progress := newProgressLine(a.stderr, a.stderrTTY)
	im := &feed.Importer{
		Store: store,
		Problem: func(p feed.Problem) {
			progress.clear()
			if p.Warning {
				a.warnf("%s", p.Error())
			} else {
				a.errorf("%s", p.Error())
			}
		},
		Progress: func(p feed.ImportProgress) { progress.show(p) },
	}
	start := time.Now()
	stats, err := im.ImportPaths(ctx, paths)
	progress.clear()
	summary := fmt.Sprintf("%d new, %d duplicate, %d failed (%d files in %s)",
		stats.New, stats.Duplicate, stats.Failed, stats.Files, time.Since(start).Round(time.Millisecond))
	if stats.Warnings > 0 {
		summary += fmt.Sprintf(", %d with warnings", stats.Warnings)
	}
	fmt.Fprintln(a.stdout, summary)
	if err != nil {
		return err
	}
	if stats.Failed > 0 {
		return fmt.Errorf("%d failed", stats.Failed)
	}
	return nil
}

// progressLine draws an import progress bar on a terminal, and plain lines
// (one every few seconds) otherwise.
type progressLine struct {
	w       io.Writer
	tty     bool
	shown   bool
	lastLog time.Time
}

func newProgressLine(w io.Writer, tty bool) *progressLine {
	return &progressLine{w: w, tty: tty, lastLog: time.Now()}
}

func (p *progressLine) show(pr feed.ImportProgress) {
	if !p.tty {
		if time.Since(p.lastLog) >= 2*time.Second {
			fmt.Fprintf(p.w, "imported %d/%d files: %d new\n", pr.FilesDone, pr.FilesTotal, pr.Stats.New)
			p.lastLog = time.Now()
		}
		return
	}
	const width = 30
	frac := 1.0
	if pr.FilesTotal > 0 {
		frac = float64(pr.FilesDone) / float64(pr.FilesTotal)
	}
	filled := int(frac * width)
	fmt.Fprintf(p.w, "\r[%s%s] %3.0f%%  %d/%d files, %d new",
		strings.Repeat("█", filled), strings.Repeat("░", width-filled), frac*100,
		pr.FilesDone, pr.FilesTotal, pr.Stats.New)
	p.shown = true
}

func (p *progressLine) clear() {
	if p.tty && p.shown {
		fmt.Fprint(p.w, "\r\x1b[2K")
		p.shown = false
	}
}
