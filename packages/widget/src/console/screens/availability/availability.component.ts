import { LitElement } from 'lit';
export class SlotwiseConsoleAvailability extends LitElement {}
