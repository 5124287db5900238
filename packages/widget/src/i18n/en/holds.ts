/** English strings of the payment step's way back (giving up a held time). */
export const holds = {
  /** The payment step's button back to the times; it releases the held time first. */
  holdBack: 'Choose another time',
  holdReleasing: 'Releasing this time…',
};
