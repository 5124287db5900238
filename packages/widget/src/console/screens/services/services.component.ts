import { LitElement } from 'lit';
export class SlotwiseConsoleServices extends LitElement {}
