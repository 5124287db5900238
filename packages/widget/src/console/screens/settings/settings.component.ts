import { LitElement } from 'lit';
export class SlotwiseConsoleSettings extends LitElement {}
