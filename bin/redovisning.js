#!/usr/bin/env node
// The `redovisning` command: runs the compiled generator (npm run compile builds lib/).
import '../lib/cli.js';
