import { define } from '../../../internal/define.js';
import { SlotwiseConsoleApiKeys } from './api-keys.component.js';
import { SlotwiseConsoleEmbed } from './embed.component.js';
import { SlotwiseConsoleWebhooks } from './webhooks.component.js';

export { SlotwiseConsoleApiKeys, SlotwiseConsoleEmbed, SlotwiseConsoleWebhooks };

define('slotwise-console-api-keys', SlotwiseConsoleApiKeys);
define('slotwise-console-embed', SlotwiseConsoleEmbed);
define('slotwise-console-webhooks', SlotwiseConsoleWebhooks);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-console-api-keys': SlotwiseConsoleApiKeys;
    'slotwise-console-embed': SlotwiseConsoleEmbed;
    'slotwise-console-webhooks': SlotwiseConsoleWebhooks;
  }
}
