package main

import (
	"context"
	"fmt"

	"byline/data"
	"byline/feed"
	"byline/feed/sample"
	"byline/ui"

	"github.com/charmbracelet/lipgloss"
)

// read opens the reader; on an empty store it first loads the built-in
// sample, so a fresh `go run .` has something to show.
func (a *app) read(ctx context.Context) error {
	store, err := a.openStore()
	if err != nil {
		return err
	}
	defer store.Close()
	if err := loadSampleIfEmpty(ctx, store); err != nil {
		return err
	}
	if !a.stdoutTTY || !a.stdinTTY {
		// Not a terminal (a pipe, a script): print the list instead.
		return a.printList(ctx, store, 0, false)
	}
	// The style is chosen once, before the program runs: asking the
	// terminal later would race with its input.
	opts := ui.Options{NoColor: noColor()}
	if !opts.NoColor {
		opts.Dark = lipgloss.HasDarkBackground()
	}
	return ui.Run(store, opts)
}

func loadSampleIfEmpty(ctx context.Context, store *data.Store) error {
	counts, err := store.Counts(ctx)
	if err != nil || counts.Articles > 0 {
		return err
	}
	im := &feed.Importer{Store: store}
	if _, err := im.ImportBytes(ctx, "sample.jsonl", sample.JSONL()); err != nil {
		return fmt.Errorf("load the built-in sample: %w", err)
	}
	return nil
}
