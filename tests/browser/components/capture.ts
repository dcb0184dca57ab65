/** Components the capture view's browser tests mount by name. */
import type { Component, ComponentProps } from 'svelte';
import CaptureForm from '../../../src/ui/capture/CaptureForm.svelte';

type CaptureFormProps = ComponentProps<typeof CaptureForm>;

/**
 * The form as the modal mounts it on Windows and Linux (`mac: false`: the Ctrl shortcut label),
 * unless a test passes `mac` itself.
 */
const CaptureFormMount: Component<Omit<CaptureFormProps, 'mac'> & { mac?: boolean }> = (anchor, props) =>
  CaptureForm(anchor, { mac: false, ...props });

export const captureComponents: Record<string, Component<any>> = { CaptureForm: CaptureFormMount };
