#!/usr/bin/env node
// The installed command: the built CLI (npm run build -w customer-metrics-report makes dist/).
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2));
