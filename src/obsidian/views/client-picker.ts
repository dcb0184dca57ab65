/** "Open client": a fuzzy picker over the vault's clients. */
import { FuzzySuggestModal, type App } from 'obsidian';
import type { Client } from '../../core/types';

export class ClientPicker extends FuzzySuggestModal<Client> {
  constructor(
    app: App,
    private readonly clients: Client[],
    private readonly onPick: (client: Client) => void,
  ) {
    super(app);
    this.setPlaceholder('Open a client…');
  }

  getItems(): Client[] {
    return this.clients;
  }

  getItemText(client: Client): string {
    return client.coach ? `${client.name} (${client.coach})` : client.name;
  }

  onChooseItem(client: Client): void {
    this.onPick(client);
  }
}
