/** Components the capture view's browser tests mount by name. */
import type { Component } from 'svelte';
import CaptureForm from '../../../src/ui/capture/CaptureForm.svelte';

export const captureComponents: Record<string, Component<any>> = { CaptureForm };
