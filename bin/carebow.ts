#!/usr/bin/env node
import { buildCareBowApp } from '../lib/app';

/**
 * `cdk synth` / `cdk deploy` entry point. Synthesis makes no context lookups and needs no
 * credentials; it fails when cdk-nag reports an error nobody acknowledged (lib/nag.ts).
 */
buildCareBowApp();
